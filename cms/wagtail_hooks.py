"""Admin hooks of the public site's pages."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.admin.auth import permission_denied

from cms.locales import is_in_other_language
from cms.review import say_the_page_is_live, warn_of_copied_text


@hooks.register("before_move_page")
def refuse_a_move_the_user_may_not_make(request, page_to_move, destination):
    # Wagtail shows the confirmation of a move to anyone with admin access and checks the
    # permission only when the move is made: the page's title and place would show.
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("before_serve_page")
def serve_pages_only_in_their_own_language(page, request, serve_args, serve_kwargs):
    # Where a language has no page tree of its own, Wagtail routes its addresses through the
    # default language's pages: /en/… would show Vietnamese text in English chrome. Send the
    # reader to the translation, or say plainly that there is none.
    if not is_in_other_language(page):
        return None
    translation = page.get_translations(inclusive=False).live().filter(locale__language_code=get_language()).first()
    if translation is not None:
        return redirect(translation.get_url(request))
    return TemplateResponse(request, "cms/not_translated.html", {"original": page}, status=404)


@hooks.register("after_edit_page")
def tell_what_submitting_or_approving_did(request, page):
    action = request.POST.get("workflow-action-name", "")
    if "action-submit" in request.POST or action == "approve":
        warn_of_copied_text(request, page)
    if "action-workflow-action" in request.POST and action == "approve":
        say_the_page_is_live(request, page)
