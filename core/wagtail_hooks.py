from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_widgets_without_inline_scripts():
    return format_html('<script src="{}" defer></script>', static("core/admin-widgets.js"))


@hooks.register("before_serve_document")
def documents_follow_their_records(document, request):
    """A document that a rule keeps private (a draft's PDF…) is not served to those the rule
    refuses; Wagtail's own hook checks the collection's restriction."""
    from django.http import Http404

    from core.files import RESTRICTED_COLLECTION, may_fetch

    if not may_fetch(request, document, besides=(RESTRICTED_COLLECTION,)):
        raise Http404
