"""The editing operations the browser editor uses, one behaviour at a time."""

from __future__ import annotations

import pytest

from app.authoring import (
    AddNode,
    AddOption,
    DeleteNode,
    DeleteOption,
    EditError,
    EditNode,
    OptionFields,
    SetDetails,
    SetRoutes,
    apply_to_text,
    blank_text,
    lost_in_rewrite,
)
from app.engine import parse


def _apply(text, *edits):
    for edit in edits:
        text = apply_to_text(text, edit)
    return text, parse(text)[0]


def test_blank_draft_has_a_header_and_one_empty_scene():
    scenario, problems = parse(blank_text("case", "A case"))
    assert scenario.id == "case" and scenario.title == "A case" and scenario.start == "opening"
    assert list(scenario.nodes) == ["opening"]
    assert {p.code for p in problems} == {"missing-field", "dead-end"}


def test_prose_the_format_would_misread_is_rewritten_to_render_the_same():
    text, s = _apply(
        blank_text("case", "A case"),
        AddNode("choice", "ask"),
        EditNode(
            "ask", "ask", "choice", "if: it rains\n* bullet\n// slashes\n-> arrow\n=== equals"
        ),
    )
    assert (
        s.nodes["ask"].text
        == "if&#58; it rains\n- bullet\n&#47;/ slashes\n&#45;> arrow\n&#61;== equals"
    )
    assert s.nodes["ask"].options == () and s.nodes["ask"].condition is None


def test_renaming_a_node_moves_start_routes_options_and_else():
    text, s = _apply(
        blank_text("case", "A case"),
        AddNode("choice", "ask"),
        AddNode("ending", "end"),
        SetRoutes("opening", (("ask", ""),)),
        AddOption("ask", OptionFields("Go", target="opening", feedback="fb")),
        EditNode(
            "end", "end", "ending", "Done.", condition="x", else_target="opening", outcome="O"
        ),
        EditNode("opening", "start-here", "scene", "Hello."),
    )
    assert s.start == "start-here"
    assert s.nodes["ask"].options[0].target == "start-here"
    assert s.nodes["end"].else_target == "start-here"
    assert s.nodes["start-here"].routes[0].target == "ask"


def test_kind_changes_that_would_lose_work_are_refused():
    text, _ = _apply(blank_text("case", "A case"), AddNode("choice", "ask"),
                     AddOption("ask", OptionFields("Go", target="opening", feedback="x")))  # fmt: skip
    with pytest.raises(EditError, match="Delete this choice's options"):
        apply_to_text(text, EditNode("ask", "ask", "scene", "x"))
    text, _ = _apply(text, SetRoutes("opening", (("ask", ""),)))
    with pytest.raises(EditError, match="Remove the 'where next' arrows"):
        apply_to_text(text, EditNode("opening", "opening", "ending", "x"))


def test_settings_that_do_not_fit_the_kind_are_cleared():
    text, s = _apply(
        blank_text("case", "A case"),
        EditNode("opening", "opening", "ending", "x", outcome="Out", tags=("home-visit",)),
        EditNode("opening", "opening", "reflection", "y", optional=True, outcome="kept?"),
    )
    node = s.nodes["opening"]
    assert node.kind == "reflection" and node.optional and node.outcome == "" and node.tags == ()


def test_options_are_renumbered_after_a_delete_and_ids_must_be_unique():
    text, s = _apply(
        blank_text("case", "A case"),
        AddNode("choice", "ask"),
        *[
            AddOption("ask", OptionFields(f"Option {i}", target="opening", feedback="f"))
            for i in range(3)
        ],
        DeleteOption("ask", 0),
    )
    assert [(o.index, o.text) for o in s.nodes["ask"].options] == [(0, "Option 1"), (1, "Option 2")]
    with pytest.raises(EditError, match="already a node called 'ask'"):
        apply_to_text(text, AddNode("scene", "ask"))
    with pytest.raises(EditError, match="no option 5"):
        apply_to_text(text, DeleteOption("ask", 4))


def test_deleting_a_node_leaves_arrows_for_the_checker_to_name():
    text, s = _apply(blank_text("case", "A case"), AddNode("ending", "end"),
                     SetRoutes("opening", (("end", ""),)), DeleteNode("end"))  # fmt: skip
    assert s.nodes["opening"].routes[0].target == "end"


def test_bad_values_are_refused_with_a_field_and_message():
    text = blank_text("case", "A case")
    cases = [
        (SetDetails("Case!", "t", "s", "r", (), (), 5), "id"),
        (SetDetails("case", "t", "s", "r", (), (), "ten"), "minutes"),
        (SetDetails("case", "t", "s", "r", (), (), 5, flags="ok, not ok"), "flags"),
        (EditNode("opening", "opening", "scene", "x", condition="a or b"), "condition"),
        (EditNode("opening", "opening", "ending", "x", supervision="(later) Why?"), "supervision"),
        (AddOption("opening", OptionFields("x")), "node_id"),
    ]
    for edit, field in cases:
        with pytest.raises(EditError) as raised:
            apply_to_text(text, edit)
        assert raised.value.field == field, edit


def test_text_with_lines_the_parser_had_to_drop_is_not_edited_through_forms():
    text = blank_text("case", "A case").replace("minutes: 10", "minutes: 10\nminutes: 12")
    assert [p.message for p in lost_in_rewrite(text)] == ["'minutes' is given twice in the header"]
    with pytest.raises(EditError, match="Edit as text"):
        apply_to_text(text, AddNode("scene", "more"))
    missing_target = blank_text("case", "A case")  # an option with no target is kept, not lost
    text, _ = _apply(missing_target, AddNode("choice", "ask"), AddOption("ask", OptionFields("Go")))
    assert lost_in_rewrite(text) == []
