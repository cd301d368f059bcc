"""campaign_records: what a host site adds to its INSTALLED_APPS and its URLs (docs/library.md)."""

from django.conf import settings

from campaign_records import APPS, REQUIRED_APPS, installed_apps
from campaign_records.urls import urlpatterns

WAGTAIL_START = ["home", "search", "wagtail.admin", "wagtail", "modelcluster", "taggit", "django_filters"]


def test_the_library_apps_come_first_and_the_missing_ones_last():
    apps = installed_apps(WAGTAIL_START)
    assert apps[: len(APPS)] == APPS
    assert apps[len(APPS) : len(APPS) + len(WAGTAIL_START)] == WAGTAIL_START
    assert set(REQUIRED_APPS) <= set(apps) and len(apps) == len(set(apps))
    assert apps[-1] == "django_tasks_db"


def test_a_list_that_already_names_the_apps_is_given_back_in_the_layers_order():
    assert installed_apps(["reporting", "core", *WAGTAIL_START]) == installed_apps(WAGTAIL_START)


def test_this_site_installs_them_as_a_host_does():
    assert settings.INSTALLED_APPS[: len(APPS)] == APPS
    assert installed_apps(settings.INSTALLED_APPS) == list(settings.INSTALLED_APPS)


def test_each_part_of_the_urls_has_its_prefix_or_is_left_out():
    routes = [str(pattern.pattern) for pattern in urlpatterns(admin="cms-admin/", record="phone/", api=None)]
    assert routes == [
        "cms-admin/reports/site-history/",
        "cms-admin/reports/site-history/results/",
        "files/<path:name>",
        "phone/",
    ]
