"""Where the printed copies of one leaflet went: the numbers its public page shows."""

from __future__ import annotations

from django.db.models import Count, Max, Min, Sum

from campaigns.models import MaterialDistribution
from places.models import today_province


def leaflet_distribution(document_id: int | None) -> list[dict]:
    """Handouts of the PDF `document_id`, per today's province, in one query: records,
    copies printed and given out, first and last day.

    Handouts are counts of paper, not of people: nothing here is personal or suppressed.
    """
    if not document_id:
        return []
    rows = (
        MaterialDistribution.objects.filter(document_id=document_id)
        .values(province_name=today_province("province", "name"))
        .annotate(
            records=Count("pk"),
            printed=Sum("printed"),
            distributed=Sum("distributed"),
            first=Min("start_date"),
            last=Max("end_date"),
        )
        .order_by("province_name")
    )
    return [{**row, "province": row["province_name"]} for row in rows]
