"""The periodic report as a Word document (and PDF): a template filled with the figures of a
period and scope, from reporting.stats only.

- context.py: the fields a template can use (FIELDS, documented) and their values;
- figures.py: the totals behind them; wording.py: the figures in sentences;
- defaults.py: the default templates (Vietnamese administrative layout, and English);
- checks.py: a template's mistakes, found on upload with their place;
- render.py: docxtpl fills the template; LibreOffice turns it into PDF.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from places.models import Place
from reporting.documents.context import map_values, narrative_context, report_context
from reporting.documents.figures import Period
from reporting.documents.wording import number
from reporting.stats import MEASURE_LABELS

__all__ = ["Period", "make_report", "report_map"]


def report_map(figures, user, measure: str = "sessions", link=None):
    """The map of the report's totals by province (sessions by default)."""
    from reporting.maps import province_map

    label = str(MEASURE_LABELS[measure])
    caption = _("%(measure)s by province, %(period)s") % {
        "measure": label[:1].upper() + label[1:],
        "period": _("%(start)s–%(end)s")
        % {"start": figures.period.start.strftime("%d/%m/%Y"), "end": figures.period.end.strftime("%d/%m/%Y")},
    }
    heading = label[:1].upper() + label[1:]
    values = map_values(figures, user)
    boundaries = figures.period.boundaries
    return province_map(values, measure=heading, caption=caption, number=number, link=link, boundaries=boundaries)


def make_report(
    template: bytes, period: Period, province: Place | None, user, language: str, narrative: dict | None = None
) -> bytes:
    """The .docx of the report for `period` in `province` (None: every province the user
    sees), in `language`, filled into `template`, with the sections a manager wrote
    (`narrative`: results, difficulties, proposals; a saved report's)."""
    from reporting.documents.render import render_docx
    from reporting.maps import svg_to_png

    with translation.override(language):
        figures, context = report_context(period, province, user)
        context.update(narrative_context(narrative))
        drawn = report_map(figures, user)
        context["map_caption"] = drawn.caption
        return render_docx(template, context, svg_to_png(drawn.svg))
