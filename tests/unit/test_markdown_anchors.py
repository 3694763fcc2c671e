"""Headings on the project's own guide pages can carry a stable id to link to; nothing else can."""

from __future__ import annotations

from app.markdown import render_markdown


def test_a_guide_heading_keeps_its_named_anchor_and_its_style():
    html = render_markdown("## Lawful basis {#lawful-basis}", anchors=True)
    assert html == '<h2 class="govuk-heading-m" id="lawful-basis">Lawful basis</h2>'


def test_anchors_carry_no_other_attribute_and_text_elsewhere_is_left_alone():
    html = render_markdown('## Title {#t onclick="x()" .big}\n\nA {#not-a-heading}', anchors=True)
    assert 'id="t"' in html and "onclick" not in html and "big" not in html
    assert "{#not-a-heading}" in html


def test_scenario_and_reflection_text_never_gets_ids():
    html = render_markdown("## Lawful basis {#lawful-basis}")
    assert "id=" not in html
