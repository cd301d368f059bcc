"""With a read replica configured, the totals of reports and the API are read from it;
sign-in, sessions and every write stay on the primary."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from campaigns.models import Activity
from core.routers import ReplicaRouter, replica_reads
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture(autouse=True)
def close_the_replica():
    """On PostgreSQL the mirror is a second session; an open one would keep the test
    database from being dropped at the end of the run."""
    yield
    connections["replica"].close()


def stats_queries(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in context.captured_queries if "campaigns_activity" in query["sql"]]


def test_the_router_sends_reads_to_the_replica_only_inside_replica_reads(settings):
    settings.REPLICA_READS = True
    router = ReplicaRouter()
    assert router.db_for_read(Activity) is None
    with replica_reads():
        assert router.db_for_read(Activity) == "replica"
        assert router.db_for_write(Activity) is None
    assert router.db_for_read(Activity) is None

    settings.REPLICA_READS = False  # no REPLICA_DATABASE_URL: everything on the primary
    with replica_reads():
        assert router.db_for_read(Activity) is None


@pytest.mark.parametrize("url", ["/api/v1/stats/totals/?by=province", "/admin/reports/totals/?by=province"])
def test_report_and_api_totals_are_read_from_the_replica(client, settings, superuser, url):
    """A superuser: on PostgreSQL the mirror cannot see the test's uncommitted rows, such
    as a manager's provinces, and would rightly show such a manager nothing."""
    settings.REPLICA_READS = True
    client.force_login(superuser)
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url)
    assert response.status_code == 200
    assert stats_queries(replica), "the totals were not read from the replica"
    assert stats_queries(primary) == []
    assert any("django_session" in query["sql"] for query in primary.captured_queries)


def test_writes_stay_on_the_primary_inside_replica_reads(settings):
    settings.REPLICA_READS = True
    with CaptureQueriesContext(connections["replica"]) as replica, replica_reads():
        ActivityFactory()
    assert not [query for query in replica.captured_queries if query["sql"].startswith("INSERT")]
