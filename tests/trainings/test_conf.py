"""trainings' settings (the phone form) have defaults and are read when asked."""

import pytest

from trainings import conf
from trainings.forms import NewAttendeeFormSet


@pytest.fixture
def without_trainings_settings(settings):
    for name in ("TRAININGS_MAX_NEW_ATTENDEES", "TRAININGS_MAX_RECORD_BYTES"):
        if hasattr(settings, name):
            delattr(settings, name)
    return settings


def test_without_the_setting_a_recording_may_add_200_people(without_trainings_settings):
    assert conf.max_new_attendees() == 200


def test_without_the_setting_a_queued_recording_may_be_512_kib(without_trainings_settings):
    assert conf.max_record_bytes() == 512 * 1024


def test_the_attendee_formset_takes_its_limit_from_the_setting(settings):
    settings.TRAININGS_MAX_NEW_ATTENDEES = 3
    assert NewAttendeeFormSet(prefix="new").max_num == 3


@pytest.fixture
def without_a_page_template(settings):
    for name in ("TRAININGS_PAGE_TEMPLATE", "TRAININGS_PAGE_STATIC"):
        if hasattr(settings, name):
            delattr(settings, name)
    return settings


def test_without_a_page_template_the_phone_form_wears_trainings_own_page(
    without_a_page_template, places, trainer, client
):
    response = client.get("/record/")
    assert response.status_code == 200
    assert [template.name for template in response.templates][:2] == ["trainings/record.html", "trainings/page.html"]
    assert b"/static/cms/" not in response.content and b'class="site-header"' not in response.content


def test_the_site_gives_the_phone_form_its_public_page_and_keeps_its_stylesheet_offline(places, trainer, client):
    response = client.get("/record/")
    assert "cms/base.html" in [template.name for template in response.templates]
    worker = client.get("/record/sw.js").content.decode()
    assert "/static/cms/site.css" in worker and "/static/trainings/record.css" in worker
