"""Help beside each field: every editor form field has GOV.UK hint text in plain words, and the
hints that explain flags, conditions, scores, tags, stages and kinds link to the section of the
in-app guide that says more (each link finds its section)."""

from __future__ import annotations

import re

from wtforms import FieldList, HiddenField, SubmitField

from app.author import forms
from app.author.map_edit import AddAfterForm, LinkForm
from app.author.media import MediaForm
from app.author.pattern_form import pattern_form
from app.authoring.patterns import PATTERNS

from .author_helpers import build_small_scenario

EDITOR_FORMS = [
    forms.NewDraftForm, forms.DetailsForm, forms.AddNodeForm, forms.NodeForm, forms.TextForm,
    MediaForm, LinkForm, AddAfterForm,
]  # fmt: skip


def test_every_editor_field_has_hint_text(app):
    with app.test_request_context():
        found = [forms.option_form([("triangulation", "Triangulation")], meta={"csrf": False})]
        found += [form(meta={"csrf": False}) for form in EDITOR_FORMS]
        found += [forms.RouteForm()]
        for shape in PATTERNS.values():  # the pattern page: every field of every shape
            found += [pattern_form(shape, [("triangulation", "T")], {"home-visit": "Home"},
                                   ["triangulation"], meta={"csrf": False})]  # fmt: skip
        missing = [
            f"{type(form).__name__}.{field.name}"
            for form in found
            for field in form
            if not isinstance(field, (HiddenField, SubmitField, FieldList))
            and field.name != "csrf_token"
            and not str(field.description).strip()
        ]
    assert missing == []


def test_hints_link_to_the_guide_section_that_explains_the_field(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    pages = [
        f"/author/drafts/{draft_id}/details",
        f"/author/drafts/{draft_id}/nodes/ask",
        f"/author/drafts/{draft_id}/nodes/ask/options/0",
    ]
    links = set()
    for url in pages:
        links |= set(re.findall(r'href="/author/format#([a-z0-9-]+)"', client.get(url).text))
    assert {"flags-and-conditions", "scores-and-the-competency-profile", "nodes",
            "choices-and-options", "options-that-cannot-be-gamed"} <= links  # fmt: skip
    details = client.get(pages[0]).text
    assert "Flags remember what the learner did" in details
    assert "(opens in a new tab)</a>" in details  # what is typed on the form is not lost
    guide = client.get("/author/format").text
    for anchor in links:
        assert f'id="{anchor}"' in guide, anchor
