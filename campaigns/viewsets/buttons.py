"""Buttons that apps built on this one add to an activity's menus (its edit page's header and
its row's menu in the list), through a Wagtail hook: a function registered under
ACTIVITY_BUTTONS_HOOK takes the request and the activity and returns its buttons."""

from wagtail import hooks
from wagtail.admin.widgets.button import Button

ACTIVITY_BUTTONS_HOOK = "register_activity_buttons"


def activity_buttons(request, activity) -> list[Button]:
    """Every registered app's buttons for `activity`, in the order of their priority."""
    buttons = [button for hook in hooks.get_hooks(ACTIVITY_BUTTONS_HOOK) for button in hook(request, activity)]
    return sorted(buttons, key=lambda button: button.priority)
