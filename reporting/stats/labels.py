"""Readable keys for grouped rows: codes and names, fetched with one query per kind of label."""

from campaigns.models import ActivityKind, Audience, Campaign, Organiser
from places.models import Place

PLACE_DIMENSIONS = ("province", "district", "commune")

# The key each dimension's rows are sorted by.
LABEL_KEYS = {
    "province": "province_name",
    "district": "district_name",
    "commune": "commune_name",
    "year": "year",
    "quarter": "quarter",
    "month": "month",
    "kind": "kind",
    "campaign": "campaign_code",
    "organiser": "organiser",
    "audience": "audience",
}


def row_labels(by: list[str], keys) -> dict:
    """For each dimension in `by`, a function from the grouped id to the row's keys."""
    keys = list(keys)
    ids = {name: {key[i] for key in keys if key[i] is not None} for i, name in enumerate(by)}
    place_ids = set().union(*(ids[name] for name in by if name in PLACE_DIMENSIONS))
    places = Place.objects.in_bulk(place_ids) if place_ids else {}
    campaigns = Campaign.objects.in_bulk(ids["campaign"]) if "campaign" in by else {}
    organisers = Organiser.objects.in_bulk(ids["organiser"]) if "organiser" in by else {}
    audiences = Audience.objects.in_bulk(ids["audience"]) if "audience" in by else {}
    kind_names = dict(ActivityKind.choices)

    def place_label(name):
        def label(value):
            place = places.get(value)
            return {f"{name}_code": place.code if place else None, f"{name}_name": place.name if place else None}

        return label

    def plain(name):
        return lambda value: {name: value}

    def kind(value):
        return {"kind": value, "kind_name": str(kind_names.get(value, value)) if value else None}

    def campaign(value):
        item = campaigns.get(value)
        return {"campaign_code": item.code if item else None, "campaign_name": item.name if item else None}

    def organiser(value):
        item = organisers.get(value)
        return {"organiser": item.name if item else None, "organiser_id": value}

    def audience(value):
        item = audiences.get(value)
        return {"audience": item.code if item else None, "audience_name": item.name if item else None}

    functions = {name: place_label(name) for name in PLACE_DIMENSIONS}
    functions.update({name: plain(name) for name in ("year", "quarter", "month")})
    functions.update(kind=kind, campaign=campaign, organiser=organiser, audience=audience)
    return functions
