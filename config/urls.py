from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from access.history import SiteHistoryView
from cms.feeds import ArticleAtomFeed, ArticleFeed
from cms.search import search
from cms.views import favicon, site_map
from core.errors import healthz
from core.files import private_file

urlpatterns = [
    path("healthz/", healthz),
    path("favicon.ico", favicon, name="favicon"),
    # Wagtail's site history, in front of Wagtail's own at the same addresses: scoped to the
    # user's provinces (see access/history.py).
    path("admin/reports/site-history/", require_admin_access(SiteHistoryView.as_view()), name="site_history"),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
        name="site_history_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Activity photos, restricted documents, drafts' files: only for those who may see them.
    path("files/<path:name>", private_file, name="private_file"),
    path("sitemap.xml", sitemap),
    path("feeds/articles/", ArticleFeed(), name="cms_feed_rss"),
    path("feeds/articles/atom/", ArticleAtomFeed(), name="cms_feed_atom"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("record/", include("trainings.urls")),
    path("api/v1/", include("reporting.api_urls")),
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
