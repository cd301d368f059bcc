from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def sign_out_clears_the_phone_forms_data():
    """The admin's "Log out" also deletes the names the phone form keeps offline (queue.js)."""
    return format_html('<script src="{}" defer></script>', static("trainings/queue.js"))
