"""reporting's settings have defaults: a project that sets none still hides small counts."""

from reporting.conf import sensitive_count_threshold
from reporting.stats.suppression import threshold


def test_without_the_setting_the_threshold_is_eleven(settings):
    del settings.SENSITIVE_COUNT_THRESHOLD
    assert sensitive_count_threshold() == 11


def test_suppression_reads_the_setting_when_asked(settings):
    settings.SENSITIVE_COUNT_THRESHOLD = 5
    assert threshold() == 5
