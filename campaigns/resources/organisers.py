"""Organisers as people type them in a file: with or without diacritics, "Hội LHPN" or
"Hội Liên hiệp Phụ nữ", with or without "tỉnh" — compared as places are (core.text).

Organisers are national reference records: every staff member may see all of them (the
Organisers list, the activity form and the template's allowed values are not limited to
a province), so matches and suggestions come from every organiser.
"""

from __future__ import annotations

import difflib

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Organiser
from core.text import clean, has_diacritics, organiser_key, tone_key
from transfers.widgets import LookupWidget

MAX_SUGGESTIONS = 5


class OrganiserLookupError(ValueError):
    """The text names no organiser (with the nearest ones) or several (with them)."""


class OrganiserIndex:
    """Every organiser, read once, by the keys of its name and its short name."""

    def __init__(self, organisers: list[Organiser]):
        self.organisers = organisers
        self.by_key: dict[str, list[Organiser]] = {}
        for organiser in organisers:
            for name in {organiser.name, organiser.short_name} - {""}:
                found = self.by_key.setdefault(organiser_key(name), [])
                if organiser not in found:
                    found.append(organiser)

    def find(self, text: str) -> Organiser:
        typed = clean(text)
        exact = [o for o in self.organisers if typed.casefold() in (o.name.casefold(), o.short_name.casefold())]
        if len(exact) == 1:
            return exact[0]
        key = organiser_key(typed)
        found = self.by_key.get(key, [])
        if len(found) > 1 and has_diacritics(typed):
            # As places: the spelling of the tone decides between names that differ only by it.
            wanted = tone_key(typed)
            found = [o for o in found if wanted in (tone_key(o.name), tone_key(o.short_name))] or found
        if len(found) == 1:
            return found[0]
        if found:
            raise OrganiserLookupError(
                _("“%(text)s” may be any of these organisers: %(names)s. Write the full name.")
                % {"text": typed, "names": "; ".join(o.name for o in found)}
            )
        nearest = self.nearest(key)
        if nearest:
            raise OrganiserLookupError(
                _("No organiser “%(text)s”. Nearest: %(names)s.")
                % {"text": typed, "names": "; ".join(o.name for o in nearest)}
            )
        raise OrganiserLookupError(_("No %(what)s “%(value)s”.") % {"what": _("organiser"), "value": typed})

    def nearest(self, key: str) -> list[Organiser]:
        """Organisers whose name holds every word typed ("công an" → each police office),
        then those spelled closest (a typing slip)."""
        words = set(key.split())
        containing = [o for k, found in self.by_key.items() if words and words <= set(k.split()) for o in found]
        close = difflib.get_close_matches(key, list(self.by_key), n=MAX_SUGGESTIONS, cutoff=0.7)
        ordered = containing + [o for k in close for o in self.by_key[k]]
        return list(dict.fromkeys(ordered))[:MAX_SUGGESTIONS]


class OrganiserWidget(LookupWidget):
    """An organiser column: each distinct text looked up once per import, refusals included."""

    def __init__(self):
        super().__init__(self.find_organiser, str, gettext_lazy("organiser"))
        self.index: OrganiserIndex | None = None

    @property
    def queryset(self):
        """What the column searches: organisers are one national list, not kept by province."""
        return Organiser.objects.all()

    def find_organiser(self, text: str) -> Organiser:
        if self.index is None:
            self.index = OrganiserIndex(list(self.queryset.order_by("name")))
        return self.index.find(text)

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return None
        text = str(value)
        if text not in self.cache:
            try:
                self.cache[text] = self.find_organiser(text)
            except OrganiserLookupError as error:
                self.cache[text] = error
        found = self.cache[text]
        if isinstance(found, OrganiserLookupError):
            raise ValueError(str(found))
        return found

    def describe(self, value: Organiser) -> str:
        return value.name


def organiser_widget() -> LookupWidget:
    return OrganiserWidget()
