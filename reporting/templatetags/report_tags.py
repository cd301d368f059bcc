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
