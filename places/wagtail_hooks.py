from wagtail import hooks
from wagtail.permissions import register_permission_policy

from places.models import Place
from places.viewsets import ReadOnlyPermissionPolicy, place_viewset

register_permission_policy(Place, ReadOnlyPermissionPolicy(Place))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [place_viewset]
