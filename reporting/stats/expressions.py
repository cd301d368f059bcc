"""Expressions that reporting.stats groups by: places rolled up to today's units, periods.

Kept apart from stats.py so that stats.py reads as the list of measures and dimensions.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractMonth, ExtractQuarter, ExtractYear

from places.models import Place


def place_in(path: str, level: str, rolled: bool):
    """The place at `path` when it is a unit of `level` (else its `level` parent for districts).

    For communes, `rolled` gives the current commune that took an old one over, where that
    successor is a commune (some old communes passed to a province as a whole: then the
    old commune stays).
    """
    if level == Place.Level.DISTRICT:
        return Case(
            When(**{f"{path}__level": Place.Level.DISTRICT}, then=F(path)),
            default=F(f"{path}__district"),
            output_field=IntegerField(),
        )
    whens = []
    if rolled:
        successor_is_commune = Q(**{f"{path}__level": level, f"{path}__successor__level": level})
        whens.append(When(successor_is_commune, then=F(f"{path}__successor")))
    whens.append(When(**{f"{path}__level": level}, then=F(path)))
    return Case(*whens, default=Value(None), output_field=IntegerField())


class _StrftimeOnSQLite:
    """Django computes date parts on SQLite in a Python function, row by row (slow at a
    million rows); SQLite's own strftime() gives the same number inside the engine."""

    sqlite_sql = ""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return self.sqlite_sql % {"date": sql}, params


class Year(_StrftimeOnSQLite, ExtractYear):
    sqlite_sql = "CAST(strftime('%%%%Y', %(date)s) AS INTEGER)"


class Quarter(_StrftimeOnSQLite, ExtractQuarter):
    sqlite_sql = "((CAST(strftime('%%%%m', %(date)s) AS INTEGER) + 2) / 3)"


class Month(_StrftimeOnSQLite, ExtractMonth):
    sqlite_sql = "CAST(strftime('%%%%m', %(date)s) AS INTEGER)"
