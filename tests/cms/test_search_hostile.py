"""Whatever a visitor types in the search box gives a page of results or none, never an error."""

import pytest

from tests.factories import cms as pages

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    '""',
    '"mua',
    "*",
    "mua*",
    "* mua",
    "-",
    "-mua",
    "mua -ban",
    "NEAR",
    "mua NEAR ban",
    "NEAR(mua ban)",
    "NEAR(mua ban, 2)",
    "(",
    ")",
    "(mua",
    "mua)",
    "^",
    "^mua",
    "mua AND",
    "OR",
    "NOT mua",
    "mua OR ban NOT",
    "title:mua",
    ":",
    "{mua ban}",
    "'",
    "\\",
    "%",
    "_",
    "&|!",
    "mua & ban",
    "!mua",
    "<->",
    "mua\x00ban",
    "\x0b",
    "mua\x1fban\x7f",
    "mua bán người " * 200,
    "a" * 5000,
    "ỹ̃̃̃̃",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_search_answers_200(client, query):
    pages.article("Phòng, chống mua bán người", summary="Cảnh giác.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_words_around_operators_still_find_the_page(client):
    page = pages.article("Phòng, chống mua bán người", summary="Cảnh giác.")
    response = client.get("/search/", {"q": '"mua" ban* -nguoi'})
    assert response.status_code == 200
    assert page.title in response.content.decode()
