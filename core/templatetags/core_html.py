from django import template
from django.utils.safestring import mark_safe

from core.html import clean_rich_text

register = template.Library()


@register.filter
def cleaned_rich_text(html) -> str:
    return mark_safe(clean_rich_text(str(html)))  # cleaned by the allow-list
