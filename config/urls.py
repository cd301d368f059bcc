from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaign_records.urls import urlpatterns as campaign_urls
from cms.feeds import ArticleAtomFeed, ArticleFeed
from cms.search import search
from cms.views import favicon, site_map
from core.errors import healthz

urlpatterns = [
    path("healthz/", healthz),
    path("favicon.ico", favicon, name="favicon"),
    # The library's addresses, as a host includes them (docs/library.md): Wagtail's site history
    # scoped to the user's provinces (in front of Wagtail's own), the private files, the phone
    # form at record/, the JSON API at api/v1/.
    *campaign_urls(),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("feeds/articles/", ArticleFeed(), name="cms_feed_rss"),
    path("feeds/articles/atom/", ArticleAtomFeed(), name="cms_feed_atom"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Vietnamese at /, English at /en/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("search/", search, name="cms_search"),
    path("so-do-trang/", site_map, name="cms_site_map"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "core.errors.server_error"
