"""The permission matrix beyond URLs: every form of every admin screen (with its inline
panels), every chooser and every import lookup offers a trainer or manager of province A
none of province B's people and records.

Walked from Wagtail's registries, not listed by hand: a new screen, inline panel, chooser
or import column that forgets the user's provinces fails here. What counts as B's is
written out from the records made for the test, not from the code's own rules.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets as registry
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.images import get_image_model

from campaigns.models import Activity, Campaign, Club, MaterialDistribution, Target
from places.models import Place
from tests.factories import SON_LA
from trainings.models import Attendance, Participant
from transfers.chunks import Rows
from transfers.registry import TRANSFERS
from transfers.widgets import LookupWidget

pytestmark = pytest.mark.usefixtures("places")


def other_province(provinces) -> dict[type[models.Model], models.QuerySet]:
    """Province B's records of every kind that a form, chooser or import could offer."""
    b = provinces.b
    return {
        Activity: Activity.objects.filter(pk=b.activity.pk),
        Club: Club.objects.filter(pk=b.club.pk),
        Participant: Participant.objects.filter(pk=b.participant.pk),
        MaterialDistribution: MaterialDistribution.objects.filter(pk=b.distribution.pk),
        Attendance: Attendance.objects.filter(pk=b.line.pk),
        # A target of the whole campaign is national staff's: a province's staff neither.
        Target: Target.objects.filter(pk__in=[b.target.pk, provinces.national_target.pk]),
        get_image_model(): get_image_model().objects.filter(pk=b.photo.pk),
        Place: Place.objects.filter(province__code=SON_LA),
    }


def offered_from_b(queryset: models.QuerySet, hidden: dict) -> list:
    b_records = hidden.get(queryset.model)
    if b_records is None:
        return []
    return list(queryset.filter(pk__in=b_records.values("pk")).values_list("pk", flat=True)[:5])


def leaks_in_form(form, hidden: dict) -> list[str]:
    """Each field (of the form, and of each inline line and its blank line) offering a
    record of B, and each inline panel showing a line of B."""
    leaks = []
    parts = [("", form)]
    for name, formset in getattr(form, "formsets", {}).items():
        parts += [(f"{name}[{number}].", line) for number, line in enumerate(formset.forms)]
        parts.append((f"{name}[new].", formset.empty_form))
        if found := offered_from_b(
            formset.model._default_manager.filter(pk__in=[line.pk for line in formset.queryset]), hidden
        ):
            leaks.append(f"{name}: lines {found}")
    for prefix, part in parts:
        for field_name, field in part.fields.items():
            queryset = getattr(field, "queryset", None)
            if field_name != "id" and queryset is not None and (found := offered_from_b(queryset, hidden)):
                leaks.append(f"{prefix}{field_name}: {queryset.model.__name__} {found}")
    return leaks


def registered() -> list:
    reverse("wagtailadmin_home")  # the admin's URLs load, and with them its registry of viewsets
    return registry.viewsets


def model_viewsets() -> list[ModelViewSet]:
    return [viewset for viewset in registered() if isinstance(viewset, ModelViewSet)]


def chooser_viewsets() -> list[ChooserViewSet]:
    return [viewset for viewset in registered() if isinstance(viewset, ChooserViewSet)]


def chosen_model(viewset: ChooserViewSet) -> type[models.Model]:
    return apps.get_model(viewset.model) if isinstance(viewset.model, str) else viewset.model


def own_record(viewset: ModelViewSet, provinces):
    """A record of province A (or, for national records, the campaign) to open for editing."""
    a = provinces.a
    for record in (a.activity, a.club, a.participant, a.distribution, provinces.campaign):
        if isinstance(record, viewset.model):
            return record
    return viewset.model._default_manager.first()


def test_the_walk_reaches_the_forms_and_choosers_of_province_records():
    """If the registries stopped yielding these, the walks below would prove nothing."""
    models_with_forms = {viewset.model for viewset in model_viewsets()}
    assert {Activity, Club, Participant, MaterialDistribution, Campaign} <= models_with_forms
    chosen = {chosen_model(viewset) for viewset in chooser_viewsets()}
    assert {Participant, Place, get_image_model()} <= chosen


def test_no_admin_form_or_inline_line_offers_another_provinces_records(client, provinces, provincial):
    client.force_login(provincial)
    hidden = other_province(provinces)
    leaks, opened = [], 0
    for viewset in model_viewsets():
        urls = []
        for view, args in (("add", ()), ("edit", (getattr(own_record(viewset, provinces), "pk", None),))):
            try:
                urls.append(reverse(viewset.get_url_name(view), args=args))
            except NoReverseMatch:
                continue
        for url in urls:
            response = client.get(url)
            form = response.context.get("form") if response.status_code == 200 and response.context else None
            if form is not None:
                opened += 1
                leaks += [f"{url} {leak}" for leak in leaks_in_form(form, hidden)]
    assert opened >= 5  # the activity, sign-in, club, distribution and campaign forms at least
    assert not leaks


def test_no_chooser_offers_another_provinces_records(client, provinces, provincial):
    client.force_login(provincial)
    hidden = other_province(provinces)
    leaks = []
    for viewset in chooser_viewsets():
        response = client.get(reverse(viewset.get_url_name("choose")))
        if response.status_code != 200 or "results" not in response.context:
            continue
        results = response.context["results"]
        listed = getattr(getattr(results, "paginator", None), "object_list", results)
        if isinstance(listed, models.QuerySet) and (found := offered_from_b(listed, hidden)):
            leaks.append(f"{viewset.name}: {found}")
        for record in hidden.get(chosen_model(viewset), Place.objects.none())[:3]:
            try:
                chosen = reverse(viewset.get_url_name("chosen"), args=[record.pk])
            except NoReverseMatch:
                continue
            if client.get(chosen).status_code == 200:
                leaks.append(f"{viewset.name}: chose {record.pk}")
    assert not leaks


def test_no_import_lookup_finds_another_provinces_records(provinces, provincial):
    from transfers.widgets import Finder

    hidden = other_province(provinces)
    leaks = []
    for transfer in TRANSFERS.values():
        resource = transfer.resource(user=provincial)
        widgets = [field.widget for field in resource.fields.values()]
        widgets += [widget for _name, widget in resource.m2m_columns.values()]
        for widget in widgets:
            if not isinstance(widget, LookupWidget):
                continue
            # An opaque finder cannot be checked: every lookup is a Finder over a queryset, or
            # names the queryset it searches (organisers, a national list).
            queryset = widget.find.queryset if isinstance(widget.find, Finder) else getattr(widget, "queryset", None)
            assert queryset is not None, f"{transfer.name}: a lookup whose records cannot be checked"
            if found := offered_from_b(queryset, hidden):
                leaks.append(f"{transfer.name} {widget.what}: {found}")
        b_records = hidden.get(transfer.model())
        key = resource.import_id_key()
        for record in b_records if b_records is not None else []:
            row = {key: f"#{record.pk}"}
            loader = resource._meta.instance_loader_class(resource, Rows([key], [(f"#{record.pk}",)]))
            _instance, new = resource.get_or_init_instance(loader, row)
            if not new:
                leaks.append(f"{transfer.name}: #{record.pk} found")
    assert not leaks
