import pytest

from campaigns.models import Place
from campaigns.places import load_places


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the places once into the test database; every test's transaction rolls back over it."""
    with django_db_blocker.unblock():
        load_places()


@pytest.fixture
def places(db):
    """The full geography. Tests that flush the database (browser tests) may have emptied it."""
    if not Place.objects.exists():
        load_places()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
