"""The admin's sign-in form, with labels that can be translated.

Wagtail's LoginForm gives its password field no label, so Django prints the field's name,
"Password", in every language; and its user name placeholder capitalises the field's name
in the middle of the Vietnamese sentence ("Nhập Tên đăng nhập").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class SignInForm(LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your user name")
        self.fields["password"].label = _("Password")
        self.fields["remember"].label = _("Remember me")
