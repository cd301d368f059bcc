from django import template

from reporting.stats.tables import cell

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key)


@register.filter
def stats_number(value) -> str:
    """A total as Vietnamese readers write it: 33.823; "—" when none."""
    return cell(value)


@register.inclusion_tag("reporting/periods/_states.html", takes_context=True)
def period_states(context, filters):
    """Where the reporting periods of a report's dates stand, for the reader's provinces: the
    figures of a period not yet approved are provisional."""
    from reporting.periods.services import states_between

    province = None
    place = getattr(filters, "place", None)
    if place is not None:
        province = place if place.level == "province" else place.province
        province = province.successor or province
    user = context["request"].user
    return {"rows": states_between(user, filters.date_from, filters.date_to, province=province)}
