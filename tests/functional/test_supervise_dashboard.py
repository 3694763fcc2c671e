"""The team dashboard and a learner's page, as a supervisor sees them."""

from __future__ import annotations

import re

from sqlalchemy import event

from app.db import db

from .supervision_world import jo_leans_on_accounts, play, sign_in


def test_dashboard_shows_only_own_supervisees_with_what_needs_attention(world, browser, client):
    jo_leans_on_accounts(world)
    play(world.tom, "school-call", ["Ask Kai how his mornings are going."], ["Kai said..."])
    sign_in(browser, world.sam)
    page = client.get("/supervise/")
    assert page.status_code == 200
    assert "jo" in page.text and "dan" in page.text
    assert "tom" not in page.text  # another supervisor's supervisee
    assert "2 started, 2 completed" in page.text
    assert "Relied on the parent&#39;s account at 2 of 2 decisions" in page.text
    assert "Has not been in supervision since completing 2 attempts" in page.text
    assert "1 of 2 reflections skipped or very short" in page.text
    assert ">ok<" not in page.text  # no reflection text on the team page
    # the heat map: a real table, the value in words, each cell linking to the detail
    heat = page.text.split('id="heat-table"')[1].split("</table>")[0]
    assert '<th scope="col" class="govuk-table__header">Testing self-report</th>' in heat
    assert f'href="/supervise/learners/{world.jo.id}#profile"><strong>0% low</strong>' in heat
    assert "Nothing needs attention." in page.text  # dan has done nothing yet
    assert f'href="/supervise/learners/{world.jo.id}/agenda"' in page.text


def test_dashboard_costs_the_same_queries_for_two_supervisees_or_five(
    world, browser, client, make_user
):
    jo_leans_on_accounts(world)
    play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["I asked Kai."])
    sign_in(browser, world.sam)

    def queries() -> int:
        db.session.expire_all()  # measure from the same start: nothing cached in the session
        seen = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/supervise/").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    two = queries()
    for n in range(3):
        extra = make_user(f"extra{n}@example.org", supervisor_id=world.sam.id)
        play(extra, "school-call", ["Accept the dad's account and close the note."], ["fine"])
    assert queries() == two


def test_learner_page_shows_path_feedback_reflections_and_history(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.jo.id}")
    assert page.status_code == 200
    assert "Take her word for it." in page.text
    assert "It saves time, but you only have her account." in page.text  # feedback they saw
    assert (
        "I lean on the parent&#39;s account most weeks, because my caseload is full." in page.text
    )
    assert "Whose account do you lean on most?" in page.text  # the question it answered
    assert "Completed" in page.text and "You saw only her account" in page.text
    assert "No supervision sessions recorded yet." in page.text
    assert 'href="/supervise/reflections/' in page.text


def test_reflection_text_is_shown_escaped(world, browser, client):
    play(
        world.dan,
        "school-call",
        ["Ask Kai how his mornings are going."],
        ["<b>bold</b> & <i>x</i>"],
    )
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.dan.id}")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;" in page.text
    assert "<b>bold</b>" not in page.text


def test_team_nav_item_for_supervisors(world, browser, client):
    sign_in(browser, world.sam)
    assert re.search(r'href="/supervise/"[^>]*>\s*Team', client.get("/scenarios").text)


def test_no_team_nav_item_for_learners(world, browser, client):
    sign_in(browser, world.jo)
    page = client.get("/scenarios").text
    assert "My learning" in page and "/supervise/" not in page


def test_a_team_of_fifteen_is_one_row_each_not_fifteen_stacked_profiles(
    world, browser, client, make_user
):
    from app.services import accounts

    for k in range(13):
        accounts.create_user(db.session, email=f"p{k}@example.org", display_name=f"Person {k}",
                             roles={"learner"}, supervisor_id=world.sam.id)  # fmt: skip
    db.session.commit()
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    page = client.get("/supervise/").text
    team = page.split('id="team-table"')[1].split("</table>")[0]
    heat = page.split('id="heat-table"')[1].split("</table>")[0]
    assert team.count('<th scope="row"') == 15 and heat.count('<th scope="row"') == 15
    assert "Competency profile across completed attempts" not in page  # on each person's page
    assert re.search(rf"/assignments/new\?for=user(%3A|:){world.jo.id}\"", page)
