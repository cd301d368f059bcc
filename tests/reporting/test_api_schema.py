"""The public OpenAPI schema says which measures are for staff only."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_marks_unique_participants_as_staff_only(client):
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)
    measures = schema["components"]["schemas"]["TotalMeasures"]
    unique = measures["properties"]["unique_participants"]
    assert "Staff only" in unique["description"]
    assert "unique_participants" not in measures.get("required", [])
    assert "participants" in measures["required"]
    assert "description" not in measures["properties"]["participants"]


def test_an_anonymous_answer_has_no_staff_only_measure(client, places):
    total = client.get("/api/v1/stats/totals/?by=province").json()["total"]
    assert "participants" in total and "unique_participants" not in total
