"""Links to the pages of a long list, as GOV.UK Frontend's pagination component takes them:
first, last, and the pages either side of this one, with gaps shown as ellipses."""

from __future__ import annotations

from collections.abc import Callable


def page_links(page: int, pages: int, href: Callable[[int], str]) -> dict | None:
    """The govukPagination parameters for page `page` of `pages`; None when there is one page."""
    if pages <= 1:
        return None
    shown = sorted({n for n in (1, page - 1, page, page + 1, pages) if 1 <= n <= pages})
    items: list[dict] = []
    for before, n in zip([0, *shown], shown, strict=False):
        if n - before > 1 and before:
            items.append({"ellipsis": True})
        items.append({"number": n, "href": href(n), "current": n == page})
    return {
        "previous": {"href": href(page - 1)} if page > 1 else None,
        "next": {"href": href(page + 1)} if page < pages else None,
        "items": items,
        "landmarkLabel": "Pages",
    }
