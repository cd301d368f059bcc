"""Admin hooks of the public site's pages."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied


@hooks.register("before_move_page")
def refuse_a_move_the_user_may_not_make(request, page_to_move, destination):
    # Wagtail shows the confirmation of a move to anyone with admin access and checks the
    # permission only when the move is made: the page's title and place would show.
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
