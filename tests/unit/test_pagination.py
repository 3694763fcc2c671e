"""Links to the pages of a long list: first, last, either side of the current, gaps marked."""

from app.pagination import page_links


def _shown(links: dict) -> list:
    return ["..." if i.get("ellipsis") else i["number"] for i in links["items"]]


def test_a_middle_page_shows_its_neighbours_the_ends_and_the_gaps():
    links = page_links(5, 10, lambda n: f"/list?page={n}")
    assert _shown(links) == [1, "...", 4, 5, 6, "...", 10]
    assert [i["number"] for i in links["items"] if i.get("current")] == [5]
    assert links["previous"] == {"href": "/list?page=4"}
    assert links["next"] == {"href": "/list?page=6"}


def test_the_first_and_last_pages_have_no_link_beyond_them_and_no_needless_gap():
    first = page_links(1, 3, str)
    assert _shown(first) == [1, 2, 3] and first["previous"] is None
    last = page_links(3, 3, str)
    assert _shown(last) == [1, 2, 3] and last["next"] is None


def test_one_page_needs_no_links():
    assert page_links(1, 1, str) is None
