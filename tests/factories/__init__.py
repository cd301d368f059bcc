"""Factories for test data (factory_boy), over the places that the test database already holds."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from access.models import StaffScope
from campaigns.models import Activity, ActivityKind, Campaign, Club, MaterialDistribution, Organiser
from places.models import Place
from trainings.models import Participant


def current_province(code: str) -> Place:
    return Place.objects.get(is_current=True, level=Place.Level.PROVINCE, code=code)


def current_commune(code: str) -> Place:
    return Place.objects.get(is_current=True, level=Place.Level.COMMUNE, code=code)


THANH_HOA, SON_LA = "38", "14"
NA_MEO = "15013"  # a current commune of Thanh Hóa


def son_la_commune() -> Place:
    return Place.objects.filter(is_current=True, level=Place.Level.COMMUNE, province__code=SON_LA).first()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


def staff(role: str, *province_codes: str):
    """A user in a role group (see access.roles), working in the given current provinces."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role))
    if province_codes:
        scope = StaffScope.objects.create(user=user)
        scope.provinces.set([current_province(code) for code in province_codes])
    return user


class OrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organiser
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Hội LHPN {n}")
    kind = Organiser.Kind.WOMENS_UNION


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    code = factory.Sequence(lambda n: f"camp-{n}")
    name = factory.Sequence(lambda n: f"Chương trình {n}")
    start_date = datetime.date(2024, 1, 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    kind = ActivityKind.COMMUNITY
    title = factory.Sequence(lambda n: f"Buổi truyền thông {n}")
    start_date = datetime.date(2025, 8, 1)
    place = factory.LazyFunction(lambda: current_commune(NA_MEO))


class ClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Club

    name = factory.Sequence(lambda n: f"CLB {n}")
    place = factory.LazyFunction(lambda: current_commune(NA_MEO))


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    full_name = factory.Sequence(lambda n: f"Người tham gia {n}")
    gender = Participant.Gender.FEMALE
    ethnicity = "Thái"
    commune = factory.LazyFunction(lambda: current_commune(NA_MEO))


class DistributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialDistribution

    title = factory.Sequence(lambda n: f"Tờ rơi {n}")
    distributed = 100
    start_date = datetime.date(2025, 9, 1)
    place = factory.LazyFunction(lambda: current_commune(NA_MEO))
    organiser = factory.SubFactory(OrganiserFactory)
