import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _(
        "Create a superuser for trying the site out, with a random password printed once. "
        "Does nothing when the user exists."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")
        parser.add_argument(
            "--site",
            default="http://127.0.0.1:8000",
            help=_("Address the site is served at, for the sign-in link printed (make run passes its HOST and PORT)."),
        )

    def handle(self, *args, username: str, email: str, site: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                _("Demo admin “%(username)s” exists; its password was printed when it was created.")
                % {"username": username}
                + " "
                + _("To choose a new one: python manage.py changepassword %(username)s") % {"username": username}
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        line = "=" * 60
        self.stdout.write(
            f"{line}\n"
            + _("Demo admin created. Sign in at %(url)s with:") % {"url": f"{site.rstrip('/')}/admin/"}
            + f"\n    {_('username')}: {username}\n    {_('password')}: {password}\n"
            + _("This password is shown only now; write it down.")
            + f"\n{line}"
        )
