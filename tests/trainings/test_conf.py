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
