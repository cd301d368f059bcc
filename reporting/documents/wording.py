"""Figures in words, as a report writer puts them: "tổ chức 25 lớp tập huấn cho 2.890 lượt
người". Numbers in the reader's format (2.890 in Vietnamese); an unknown count is said as
unknown, never as 0."""

from __future__ import annotations

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.text import grouped

# What a report calls the sessions of each kind of activity.
KIND_NOUNS = {
    "training": gettext_lazy("training classes"),
    "community": gettext_lazy("community sessions"),
    "club_meeting": gettext_lazy("club meetings"),
    "fair": gettext_lazy("communication fairs"),
    "contest": gettext_lazy("contests"),
    "residents_meeting": gettext_lazy("residents' meetings"),
    "inspection": gettext_lazy("inspections"),
    "other": gettext_lazy("other activities"),
}


def vietnamese() -> bool:
    return (get_language() or "vi").startswith("vi")


def number(value) -> str:
    """A count as the reader writes it: 2.890 in Vietnamese, 2,890 in English; unknown as a word."""
    if value is None:
        return _("unknown")
    if isinstance(value, str):
        return value
    return grouped(value) if vietnamese() else f"{value:,}"


def percent(value: float | None) -> str:
    if value is None:
        return _("unknown")
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if vietnamese() else text


def date(value) -> str:
    return value.strftime("%d/%m/%Y")


def change(before, after) -> str:
    """How a count moved from the previous period: "tăng 12% (từ 100 lên 112)"."""
    if before is None or after is None:
        return _("unknown")
    values = {"before": number(before), "after": number(after)}
    if before == after:
        return _("unchanged (%(after)s)") % values
    if not before:
        return _("from %(before)s to %(after)s") % values
    values["percent"] = percent(abs(after - before) * 100 / before)
    if after > before:
        return _("up %(percent)s%% (from %(before)s to %(after)s)") % values
    return _("down %(percent)s%% (from %(before)s to %(after)s)") % values


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def kind_phrase(row: dict) -> str:
    noun = str(KIND_NOUNS.get(row["kind"], row.get("kind_name") or ""))
    if row["sessions"] is None:
        return _("%(noun)s (how many not recorded)") % {"noun": noun}
    values = {"count": number(row["sessions"]), "noun": noun, "people": number(row["participants"])}
    if row["participants"] is None:
        return _("%(count)s %(noun)s (participants not recorded)") % values
    if row.get("unknown_participants"):
        # Some records of the row left the count unknown: what is known is a floor.
        return _("%(count)s %(noun)s for at least %(people)s participations") % values
    return _("%(count)s %(noun)s for %(people)s participations") % values


def headline(total: dict, period_text: str, scope: str) -> list[str]:
    """The sentences of the headline figures of the period."""
    sentences = [
        _("%(period)s, %(scope)s held %(sessions)s sessions with %(people)s participations.")
        % {
            "period": period_text,
            "scope": scope,
            "sessions": number(total["sessions"]),
            "people": number(total["participants"]),
        }
    ]
    if total.get("unknown_participants"):
        sentences.append(
            _("%(count)s records do not say how many took part.") % {"count": number(total["unknown_participants"])}
        )
    if total.get("unique_participants"):
        sentences.append(
            _("The sign-in lists name %(count)s different people.") % {"count": number(total["unique_participants"])}
        )
    if total.get("clubs") and total.get("club_members") is None:
        sentences.append(_("%(clubs)s clubs were active at the end of the period.") % {"clubs": number(total["clubs"])})
    elif total.get("clubs"):
        sentences.append(
            _("%(clubs)s clubs were active at the end of the period, with %(members)s members.")
            % {"clubs": number(total["clubs"]), "members": number(total["club_members"])}
        )
    if total.get("leaflets_distributed"):
        sentences.append(
            _("%(count)s leaflets and other materials were given out.")
            % {"count": number(total["leaflets_distributed"])}
        )
    return sentences


def kinds_sentence(rows: list[dict]) -> str:
    phrases = [kind_phrase(row) for row in rows if row.get("kind")]
    return _("Of which: %(list)s.") % {"list": "; ".join(phrases)} if phrases else ""


def audiences_sentence(rows: list[dict]) -> str:
    phrases = [
        _("%(people)s participations of %(audience)s")
        % {"people": number(row["participants"]), "audience": lower_first(row["audience_name"])}
        for row in rows
        if row.get("audience_name") and row.get("participants")
    ]
    return _("By audience: %(list)s.") % {"list": ", ".join(phrases)} if phrases else ""


def comparison_sentence(before: dict, after: dict, previous_text: str) -> str:
    return _("Compared with the previous period (%(period)s): sessions %(sessions)s; participations %(people)s.") % {
        "period": previous_text,
        "sessions": change(before["sessions"], after["sessions"]),
        "people": change(before["participants"], after["participants"]),
    }


def target_sentence(progress) -> str:
    target = progress.target
    return _("Target “%(measure)s” of %(campaign)s: %(actual)s of %(value)s (%(percent)s%%), %(status)s.") % {
        "measure": target.get_measure_display(),
        "campaign": target.campaign.code,
        "actual": number(progress.actual),
        "value": number(target.value),
        "percent": percent(progress.percent),
        "status": progress.status_label,
    }
