"""The build of the library's distribution (pyproject.toml holds its metadata).

One step more than setuptools' own: the project's Vietnamese catalogue (locale/vi, one for
every app) goes into the wheel as core's (core/locale/vi), where Django finds it once core
is installed. The checkout keeps its one catalogue; nothing is copied into the source tree.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGUE = Path("locale") / "vi" / "LC_MESSAGES"


class BuildWithCatalogue(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "core" / "locale" / "vi" / "LC_MESSAGES"
        self.mkpath(str(target))
        for name in ("django.po", "django.mo"):
            self.copy_file(str(CATALOGUE / name), str(target / name))


setup(cmdclass={"build_py": BuildWithCatalogue})
