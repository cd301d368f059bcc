"""The user guides in the admin: any signed-in admin user may read every guide."""

from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from guides.content import IMAGE_NAME, LANGUAGES, ROLES, guide_language, images_root, render_guide

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language


class GuideLanguageMixin:
    """The interface's language (vi unless the admin speaks English); ?lang= picks another."""

    def guide_language(self) -> str:
        asked = self.request.GET.get("lang")
        return asked if asked in LANGUAGES else guide_language(get_language())

    def language_links(self, path: str) -> list[dict]:
        current = self.guide_language()
        return [
            {"code": code, "name": LANGUAGE_NAMES[code], "url": f"{path}?lang={code}", "current": code == current}
            for code in LANGUAGES
        ]


class GuideIndexView(GuideLanguageMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "guides/index.html"
    page_title = _("User guides")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.guide_language()
        context["guides"] = [render_guide(role, language) for role in ROLES]
        context["language"] = language
        context["language_links"] = self.language_links(self.request.path)
        return context


class GuideView(GuideLanguageMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "guides/guide.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["role"] not in ROLES:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.guide.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("guides:index"), "label": _("User guides")},
            {"url": "", "label": self.guide.title},
        ]

    def get(self, request, *args, **kwargs):
        self.guide = render_guide(kwargs["role"], self.guide_language())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = self.guide
        context["language_links"] = self.language_links(self.request.path)
        return context


@require_GET
def guide_image(request, name: str):
    """A screenshot of the guides (docs/guides/img), for the signed-in reader of a guide."""
    path = images_root() / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    return response
