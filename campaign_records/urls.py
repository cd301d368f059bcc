"""The library's addresses for a host's urls.py (docs/library.md, *URLs*).

    from campaign_records.urls import urlpatterns as campaign_urls
    urlpatterns = campaign_urls() + urlpatterns     # at the end: they come first

They go before Wagtail's admin: the site history replaces Wagtail's own at the same address
with one scoped to the user's provinces. The admin's reports, imports and records need no
line of their own: the apps add them to Wagtail's admin through their wagtail_hooks.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path


def urlpatterns(
    admin: str = "admin/", record: str = "record/", api: str = "api/v1/", files: str = "files/"
) -> list[URLPattern | URLResolver]:
    """The library's URL patterns; each prefix is the host's choice (`admin` must be the
    prefix of the host's Wagtail admin). A prefix of None leaves that part out."""
    from wagtail.admin.auth import require_admin_access

    from access.history import SiteHistoryView
    from core.files import private_file

    patterns: list[URLPattern | URLResolver] = []
    if admin is not None:
        patterns += [
            path(
                f"{admin}reports/site-history/",
                require_admin_access(SiteHistoryView.as_view()),
                name="site_history",
            ),
            path(
                f"{admin}reports/site-history/results/",
                require_admin_access(SiteHistoryView.as_view(results_only=True)),
                name="site_history_results",
            ),
        ]
    if files is not None:
        # Activity photos, restricted documents, drafts' files: only for those who may see them.
        patterns.append(path(f"{files}<path:name>", private_file, name="private_file"))
    if record is not None:
        patterns.append(path(record, include("trainings.urls")))  # the phone form
    if api is not None:
        patterns.append(path(api, include("reporting.api_urls")))  # the public totals' JSON API
    return patterns
