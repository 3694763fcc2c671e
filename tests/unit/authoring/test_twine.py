"""Twine 2 import: HTML and Twee fixtures, every link form, and what cannot be mapped."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.authoring.twine import import_story
from app.authoring.twine_read import TwineError, read_story
from app.authoring.twine_text import clean, parse_link, split_links
from app.engine import parse

TWINE = Path(__file__).resolve().parents[2] / "fixtures" / "twine"


@pytest.mark.parametrize(
    ("inner", "text", "target"),
    [
        ("Go in", "Go in", "Go in"),
        ("Stay on the doorstep|Doorstep", "Stay on the doorstep", "Doorstep"),
        ("Ask about the children->Children", "Ask about the children", "Children"),
        ("Kitchen<-Look towards the kitchen", "Look towards the kitchen", "Kitchen"),
        ("a->b->C", "a->b", "C"),  # the rightmost -> divides
        ("C<-a<-b", "a<-b", "C"),  # the leftmost <- divides
    ],
)
def test_every_link_form(inner, text, target):
    link, setter = parse_link(inner)
    assert (link.text, link.target, setter) == (text, target, None)


@pytest.mark.parametrize("name", ["home-visit.html", "home-visit.twee"])
def test_fixture_passages_become_nodes_and_links_become_options(name):
    imported = import_story(read_story((TWINE / name).read_bytes()))
    scenario, problems = parse(imported.text)
    assert {p.code for p in problems} == {"missing-field"}  # summary, role...: Twine has none
    assert scenario.title == "The home visit" and scenario.start == "arrive"
    kinds = {n.id: n.kind for n in scenario.nodes.values()}
    assert kinds == {"arrive": "choice", "go-in": "scene", "doorstep": "ending",
                     "children": "choice", "kitchen": "ending", "reflect": "reflection"}  # fmt: skip
    arrive = scenario.nodes["arrive"]
    assert [(o.text, o.target) for o in arrive.options] == [
        ("Go in", "go-in"), ("Stay on the doorstep", "doorstep"),
        ("Ask about the children", "children"), ("Look towards the kitchen", "kitchen"),
    ]  # fmt: skip
    assert all(o.feedback == "" for o in arrive.options)  # on purpose: the checker asks for it
    assert scenario.nodes["go-in"].routes[0].target == "reflect"
    assert scenario.nodes["doorstep"].outcome == "Doorstep"
    assert "[[" not in imported.text and "$knocked" not in imported.text
    assert "6 options need feedback before the scenario can be published." in imported.warnings
    assert any(
        "'Call the school' goes to 'School', which is not a passage" in w for w in imported.warnings
    )
    assert scenario.nodes["children"].options[0].target == "school"  # kept, so the checker names it
    assert "The story's JavaScript was not imported: scenarios run no scripts." in imported.warnings


def test_html_specifics_macros_scripts_styles_and_html_are_reported():
    imported = import_story(read_story((TWINE / "home-visit.html").read_bytes()))
    warnings = "\n".join(imported.warnings)
    assert "In 'Arrive': macro (set: $knocked to true) removed." in warnings
    assert "macro (if: $knocked) removed; the text it controlled is kept" in warnings
    assert "HTML removed: <b>, <script>" in warnings
    assert "stylesheet was not imported" in warnings
    text = parse(imported.text)[0].nodes["go-in"].text
    assert "She seems relaxed." in text and "alert" not in text and "<" not in text
    assert "**Nothing**" in parse(imported.text)[0].nodes["doorstep"].text  # Harlowe ''bold''
    assert "window.harlowe" not in imported.text  # the story format's own code is ignored


def test_twee_specifics_sugarcube_macros_setters_variables_special_passages():
    imported = import_story(read_story((TWINE / "home-visit.twee").read_bytes()))
    warnings = "\n".join(imported.warnings)
    assert "In 'Arrive': macro <<set $knocked to true>> removed." in warnings
    assert "link setter [$left to true] on 'Leave it' removed" in warnings
    assert "story variable $name removed" in warnings
    assert "Passage 'StoryInit' is special to the story format: not imported." in warnings
    assert "tags intro not imported" in warnings
    assert "*Leanne*" in parse(imported.text)[0].nodes["arrive"].text  # //italic//


def test_text_cleaning_keeps_prose_and_sanitises_html():
    text, links, notes = split_links("Before [[A|b]] after [[c]].")
    assert text == "Before  after ." and [(lk.text, lk.target) for lk in links] == [
        ("A", "b"),
        ("c", "c"),
    ]
    cleaned, notes = clean('<a href="javascript:x()">x</a><img src=x onerror=y>ok', "Harlowe")
    assert "javascript" not in cleaned and "onerror" not in cleaned and "ok" in cleaned
    assert notes == ["HTML removed: <img>"]


def test_not_a_story():
    with pytest.raises(TwineError):
        read_story(b"hello")
    with pytest.raises(TwineError, match="no Twine story"):
        read_story(b"<html><tw-storydatax></tw-storydatax></html>".replace(b"datax", b"data-not"))
