"""The sign-in sheet and filled sign-in list of an activity, in its menus (the screens are
the participants' transfer's, among the import screens)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import Button

from transfers.registry import TRANSFERS


def sign_in_buttons(request, activity) -> list[Button]:
    """The activity's printable sign-in sheet and, for those who may export participants, its filled list."""
    buttons = [
        Button(
            _("Sign-in sheet"),
            url=reverse("imports:sign_in_sheet", args=[activity.pk]),
            icon_name="doc-full",
            priority=40,
        )
    ]
    if request.user.has_perm(TRANSFERS["participants"].export_permission):
        for priority, fmt in enumerate(("xlsx", "csv"), start=41):
            buttons.append(
                Button(
                    _("Sign-in list with attendance (%(format)s)") % {"format": fmt.upper()},
                    url=reverse("imports:sign_in_list", args=[activity.pk]) + f"?format={fmt}",
                    icon_name="download",
                    priority=priority,
                )
            )
    return buttons
