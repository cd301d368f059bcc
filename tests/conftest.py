from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import transaction

from access.roles import TRAINERS
from campaigns.photos import province_collection
from places.loading import load_places
from places.models import Place
from tests.factories import THANH_HOA, staff
from tests.placement import pytest_addoption, pytest_collection_modifyitems, pytest_report_collectionfinish
from tests.sites import SITE, site_template, take_template

__all__ = ["pytest_addoption", "pytest_collection_modifyitems", "pytest_report_collectionfinish", "site_template"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the places once into the test database; every test's transaction rolls back over
    it. A copy is kept at once for the tests that need a whole site (site_template): later a
    transactional test may have emptied the database, or a shared transaction be open."""
    with django_db_blocker.unblock():
        load_places()
        # Each province's photo collection and group, as a site has them once its staff are
        # named: made here once instead of in every test that names a staff member (a tree
        # insert, a group, its grants and a view restriction, rolled back after each test).
        for province in Place.objects.filter(level=Place.Level.PROVINCE, is_current=True):
            province_collection(province)
        SITE.append(take_template(tmp_path_factory.mktemp("site-template")))
    yield
    for template in SITE:
        template.drop_all()
    SITE.clear()


@contextmanager
def shared_records(django_db_blocker) -> Iterator[None]:
    """Records built once for a module (or class) of tests, in a transaction rolled back at
    its end; each test's own transaction nests inside it, so what a test writes is undone
    and the next test sees the shared records as they were built. Use it in a module- or
    class-scoped fixture that asks for django_db_setup:

        @pytest.fixture(scope="module")
        def world(django_db_setup, django_db_blocker):
            with shared_records(django_db_blocker):
                yield build_the_records()

    Every test of the module then sees these records, whether it asks for them or not."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def places(db):
    """The full geography. A test that flushes the database (transaction=True) empties it."""
    if not Place.objects.exists():
        load_places()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")


@pytest.fixture
def trainer(client):
    """A trainer of Thanh Hóa, signed in on the test client (the phone form's usual user)."""
    user = staff(TRAINERS, THANH_HOA)
    client.force_login(user)
    return user
