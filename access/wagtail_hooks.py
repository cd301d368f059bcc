from wagtail import hooks

from access.choosers import place_chooser_viewset
from access.viewsets import StaffScopeViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [StaffScopeViewSet(), place_chooser_viewset]
