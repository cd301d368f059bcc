"""Uploaded files in two places: public ones where the proxy serves them, private ones
only through the application, which asks who is looking.

`MediaStorage` is the default storage. It keeps nothing itself: each name goes to one of
two storages, "public" (MEDIA_ROOT, published at MEDIA_URL by the proxy) or "private" (a
folder nothing serves, or a private bucket). Which one is written in the file's name: a
stored name is `<folder>/o_<random>.<ext>` when public and `<folder>/p_<random>.<ext>` when
private. The upload's own name is never kept (`IMG_0001.jpg` gives nothing to guess), and
Wagtail's renditions, named after their original, carry the same mark and a random name
of their own, so a rendition lives where its original lives.

A new file whose name carries no mark is private until `core.files` has looked at the
record it belongs to. Names of files stored before this scheme (no mark) are public, where
they already are, until `manage.py place_files` moves them.

Pictures lose their metadata on the way in (core/images.py).
"""

from __future__ import annotations

import posixpath
import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.utils.deconstruct import deconstructible

from core.images import IMAGE_SUFFIXES, without_metadata

PUBLIC, PRIVATE = "o", "p"
MARKED = re.compile(r"^([op])_[0-9a-f]")
# Renditions are made from clean originals: nothing to remove there.
RENDITIONS = "images/"


def is_private_name(name: str) -> bool:
    found = MARKED.match(posixpath.basename(name))
    return bool(found) and found.group(1) == PRIVATE


def is_marked(name: str) -> bool:
    return bool(MARKED.match(posixpath.basename(name)))


def marked_name(name: str, *, private: bool) -> str:
    """A fresh random name in the same folder with the same suffix, marked public or private."""
    folder, base = posixpath.split(name)
    suffix = posixpath.splitext(base)[1].lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,5}", suffix):
        suffix = ""
    return posixpath.join(folder, f"{PRIVATE if private else PUBLIC}_{secrets.token_hex(16)}{suffix}")


@deconstructible
class MediaStorage(Storage):
    def __init__(self, public: str = "public", private: str = "private"):
        self.public_alias, self.private_alias = public, private

    @property
    def public(self) -> Storage:
        return storages[self.public_alias]

    @property
    def private(self) -> Storage:
        return storages[self.private_alias]

    def backend(self, name: str) -> Storage:
        return self.private if is_private_name(name) else self.public

    def generate_filename(self, filename: str) -> str:
        # An upload never keeps its name: a marked name keeps its mark, anything else
        # starts private.
        found = MARKED.match(posixpath.basename(filename))
        return marked_name(filename, private=not found or found.group(1) == PRIVATE)

    def get_valid_name(self, name: str) -> str:
        return self.public.get_valid_name(name)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self.backend(name).get_available_name(name, max_length=max_length)

    def _open(self, name: str, mode: str = "rb"):
        return self.backend(name).open(name, mode)

    def _save(self, name: str, content) -> str:
        if name.lower().endswith(IMAGE_SUFFIXES) and not name.startswith(RENDITIONS):
            content.seek(0)
            cleaned = without_metadata(content.read())
            content.seek(0)
            if cleaned is not None:
                content = ContentFile(cleaned)
        return self.backend(name)._save(name, content)

    def delete(self, name: str) -> None:
        self.backend(name).delete(name)

    def exists(self, name: str) -> bool:
        return self.backend(name).exists(name)

    def listdir(self, path: str):
        return self.public.listdir(path)

    def size(self, name: str) -> int:
        return self.backend(name).size(name)

    def path(self, name: str) -> str:
        return self.backend(name).path(name)

    def url(self, name: str) -> str:
        if is_private_name(name):
            from django.urls import reverse

            return reverse("private_file", kwargs={"name": name})
        return self.public.url(name)

    def get_modified_time(self, name: str):
        return self.backend(name).get_modified_time(name)

    def get_created_time(self, name: str):
        return self.backend(name).get_created_time(name)

    def get_accessed_time(self, name: str):
        return self.backend(name).get_accessed_time(name)
