from wagtail import hooks
from wagtail.permissions import register_permission_policy

from campaigns.models import Place
from campaigns.viewsets import ReadOnlyPermissionPolicy, place_viewset

register_permission_policy(Place, ReadOnlyPermissionPolicy(Place))


@hooks.register("register_admin_viewset")
def register_place_viewset():
    return place_viewset
