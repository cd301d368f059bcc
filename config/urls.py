from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.feeds import ArticleAtomFeed, ArticleFeed
from cms.search import search
from config.errors import healthz

urlpatterns = [
    path("healthz/", healthz),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("feeds/articles/", ArticleFeed(), name="cms_feed_rss"),
    path("feeds/articles/atom/", ArticleAtomFeed(), name="cms_feed_atom"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("record/", include("trainings.urls")),
    path("api/v1/", include("campaigns.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Vietnamese at /, English at /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("search/", search, name="cms_search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "config.errors.server_error"
