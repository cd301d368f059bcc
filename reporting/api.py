"""The public JSON API, version 1: thin views over reporting.stats.

Anonymous callers get the public measures with small counts hidden (README, *Privacy and access*);
signed-in staff get every measure for the provinces they may see.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.models import ActivityKind
from core.routers import reads_from_replica
from reporting.periods.services import public_standing
from reporting.stats import DIMENSIONS, MEASURES, PUBLIC_MEASURES, totals
from reporting.stats.query import TotalsQueryForm


def only_public_api(endpoints: list) -> list:
    """drf-spectacular hook: the schema documents /api/v1/ only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def is_staff_caller(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


STAFF_ONLY = (
    "Staff only: given to signed-in staff for the provinces they may see, never in an anonymous "
    "answer (where the field is absent)."
)
MEASURE_FIELDS = {
    measure: serializers.IntegerField(
        allow_null=True,
        required=measure in PUBLIC_MEASURES,
        help_text=None if measure in PUBLIC_MEASURES else STAFF_ONLY,
    )
    for measure in MEASURES
}
TOTALS_SCHEMA = inline_serializer(
    "Totals",
    {
        "by": serializers.ListField(child=serializers.ChoiceField(choices=DIMENSIONS)),
        "filters": serializers.DictField(),
        "rows": serializers.ListField(
            child=serializers.DictField(),
            help_text=(
                "Grouping keys (province_code, province_name, district_code, district_name, commune_code, "
                "commune_name, year, quarter, month, kind, campaign_code, organiser, audience) and measures. "
                "A measure is null where it does not apply or is unknown. In public output a count of people "
                "whose sensitive audiences (returned victims) may add up to fewer than the threshold is the string "
                '"<11" (with the default threshold of 11), and a count hidden so that it cannot be worked out is "*"; '
                "the same holds in total. In public, each activity for returned victims of fewer than 11 people "
                "counts moved by at most PUBLIC_PERTURBATION_BOUND (1 by default), the same way in every answer; "
                "other counts are exact. unique_participants is given to signed-in staff only."
            ),
        ),
        "total": inline_serializer("TotalMeasures", MEASURE_FIELDS),
        "periods": inline_serializer(
            "PeriodStanding",
            {
                "approved_only": serializers.BooleanField(
                    help_text="Whether public totals count only the records of approved reporting periods "
                    "(REPORTING_PUBLIC_APPROVED_ONLY); staff answers always count every record."
                ),
                "provisional": serializers.ListField(
                    child=inline_serializer(
                        "ProvisionalPeriod",
                        {
                            "label": serializers.CharField(),
                            "approved_provinces": serializers.IntegerField(),
                            "provinces": serializers.IntegerField(),
                        },
                    ),
                    help_text="The periods of the question's dates (all dates: from the first activity to today) "
                    "not yet approved by every province: their figures are provisional (or, with approved_only, "
                    "left out for the provinces that have not approved them).",
                ),
            },
        ),
    },
)


class TotalsView(APIView):
    """Totals of activities, sessions, participants, clubs and leaflets: the numbers of the reports."""

    @extend_schema(
        operation_id="stats_totals",
        parameters=[
            OpenApiParameter("by", OpenApiTypes.STR, many=True, enum=DIMENSIONS, description="Group by (repeat)."),
            OpenApiParameter(
                "from", OpenApiTypes.DATE, description="First day (YYYY-MM-DD); anonymous: the first of a month."
            ),
            OpenApiParameter(
                "to", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD); anonymous: the last of a month."
            ),
            OpenApiParameter("campaign", OpenApiTypes.STR, description="Campaign code."),
            OpenApiParameter("kind", OpenApiTypes.STR, many=True, enum=ActivityKind.values),
            OpenApiParameter("organiser", OpenApiTypes.INT, description="Organiser id."),
            OpenApiParameter("audience", OpenApiTypes.STR, description="Audience code."),
            OpenApiParameter("place", OpenApiTypes.STR, description="Province, district or commune: name or code."),
            OpenApiParameter("as_recorded", OpenApiTypes.BOOL, description="Units as they were, not today's."),
            OpenApiParameter(
                "batches_at_start",
                OpenApiTypes.BOOL,
                description="Batches over several periods counted wholly in their start period, not spread by days.",
            ),
        ],
        responses={
            200: TOTALS_SCHEMA,
            400: inline_serializer("Errors", {"errors": serializers.DictField()}),
        },
    )
    @reads_from_replica
    def get(self, request):
        staff = is_staff_caller(request.user)
        # Anonymous questions at a coarse grain only: whole months, no fine place beside a
        # narrowing filter (TotalsQueryForm.clean_public_grain).
        form = TotalsQueryForm.from_params(request.query_params, public=not staff)
        unknown = form.unknown_parameters(request.query_params)
        if not form.is_valid() or unknown:
            errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
            errors.update({name: ["Unknown parameter."] for name in unknown})
            return Response({"errors": errors}, status=400)
        result = totals(
            form.cleaned_data["by"],
            form.to_filters(),
            user=request.user if staff else None,
            public=not staff,
            as_recorded=form.cleaned_data["as_recorded"],
            batches_at_start=form.cleaned_data["batches_at_start"],
        )
        filters = result.filters
        return Response({**result.as_json(), "periods": public_standing(filters.date_from, filters.date_to)})
