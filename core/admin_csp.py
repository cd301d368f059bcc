"""The Wagtail admin under our Content Security Policy, which forbids inline scripts.

Wagtail 8.0 starts some widgets with an inline script: chooser widgets
(`BaseChooser.render` appends `<script>new ImageChooser(id, options)</script>`), the date
and time pickers and the inline panels (their templates). Here and in the templates under
core/templates/wagtailadmin/, each leaves the same information in a JSON block
instead, which core/static/core/admin-widgets.js (a file, allowed by the
policy) reads to start the widget. Checked by the browser tests, which fail on any
policy violation.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser


def json_for_html(value) -> str:
    """JSON that cannot close the script element it sits in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_chooser(self, name, value, attrs=None, renderer=None):
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    if isinstance(self, AdminTaskChooser):  # started by a function, not a class
        start = {"call": "createTaskChooser", "args": [id_]}
    else:
        start = {"construct": self.js_constructor, "args": [id_, self.get_js_init_options(id_, name, value_data)]}
    return format_html(
        '{}<script type="application/json" data-start-widget>{}</script>', widget_html, mark_safe(json_for_html(start))
    )


def install() -> None:
    BaseChooser.render = render_chooser
