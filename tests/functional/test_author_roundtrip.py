"""The round trip through the service the editor uses: random edits saved as drafts, exported,
imported again as a file, and compared by meaning (never by text)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.authoring import EditError, meaning
from app.db import db
from app.engine import parse
from app.services import drafts
from tests.unit.authoring.strategies import edit_for


@pytest.fixture
def author(make_user):
    return make_user("author@example.org", roles=("author",))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_service_edits_export_and_import_with_the_same_meaning(app, author, data):
    draft = drafts.new_draft(db.session, author, "case", "A case")
    try:
        for _ in range(data.draw(st.integers(1, 25), label="edits")):
            edit = data.draw(edit_for(parse(draft.text)[0]))
            try:
                drafts.edit(db.session, author, draft, edit)
            except EditError:
                continue  # the editor shows the message; the draft is unchanged
        exported = draft.text.encode()  # what /author/drafts/<id>/export sends
        imported = drafts.import_file(db.session, author, exported)
        assert meaning(parse(imported.text)[0]) == meaning(parse(draft.text)[0])
    finally:
        db.session.rollback()
