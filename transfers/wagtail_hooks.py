from wagtail import hooks

from transfers.views import ImportsViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ImportsViewSet()]
