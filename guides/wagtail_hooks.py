from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from guides import views

urlpatterns = [
    path("", views.GuideIndexView.as_view(), name="index"),
    path("img/<str:name>", views.guide_image, name="image"),
    path("<slug:role>/", views.GuideView.as_view(), name="guide"),
]


@hooks.register("register_admin_urls")
def register_guide_urls():
    # Under /admin/: Wagtail requires a signed-in user with admin access for every one of them.
    return [path("guides/", include((urlpatterns, "guides"), namespace="guides"))]


@hooks.register("register_help_menu_item")
def register_guides_menu_item():
    # Wagtail's own help items are ordered from 1000: ours comes first.
    return MenuItem(_("User guides"), reverse("guides:index"), name="user-guides", icon_name="help", order=100)
