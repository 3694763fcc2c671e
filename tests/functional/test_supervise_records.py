"""Recording a session, agreed actions the learner marks done, comments on a reflection: what one
side writes, the other side sees."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from app.db import db, utcnow
from app.models import AgreedAction, Reflection

from .supervision_world import jo_leans_on_accounts, play, sign_in

LEANS = "rule:leans-on-accounts"


def record(browser, learner_id: int, **extra):
    today = utcnow().date()
    data = {
        "held_on": [str(today.day), str(today.month), str(today.year)],
        "notes": "We talked about whose account Jo leans on.",
        "covered": [LEANS],
        "actions-0-text": "Read the Finding 3 briefing",
        "actions-0-due_on": ["1", "1", str(today.year + 1)],
        "actions-1-text": "Bring a family to our next session",
        "actions-1-due_on": ["", "", ""],
        "actions-2-text": "",
        "actions-2-due_on": ["", "", ""],
    }
    data.update(extra)
    return browser.submit(f"/supervise/learners/{learner_id}/sessions/new", data)


def test_a_recorded_session_shows_in_both_histories_and_actions_can_be_marked_done(
    world, browser, client
):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    assert "leans-on-accounts" in client.get(f"/supervise/learners/{world.jo.id}/sessions/new").text
    response = record(browser, world.jo.id)
    assert response.status_code == 302 and response.headers["Location"].endswith("#history")
    page = client.get(f"/supervise/learners/{world.jo.id}").text
    assert "We talked about whose account Jo leans on." in page
    assert "Read the Finding 3 briefing" in page and "No date" in page
    # the covered prompt leaves the agenda; the others stay
    agenda = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert "you took a parent&#39;s word as enough" not in agenda
    assert "What made the dad&#39;s account feel like enough?" in agenda

    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "We talked about whose account Jo leans on." in mine and "with sam" in mine
    assert "You have 2 open actions" in mine
    action = db.session.scalar(select(AgreedAction).where(AgreedAction.text.like("Read%")))
    done = browser.submit("/my-learning", {"done": "1"}, action=f"/my-learning/actions/{action.id}")
    assert done.status_code == 302
    mine = client.get("/my-learning").text
    assert "You have 1 open action:" in mine and "Mark as not done" in mine
    assert re.search(r"Done \d+ \w+ \d{4}", mine)

    sign_in(browser, world.sam)
    assert re.search(r"Done \d+ \w+ \d{4}", client.get(f"/supervise/learners/{world.jo.id}").text)


def test_a_covered_pattern_comes_back_when_it_happens_again(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    yesterday = utcnow().date() - timedelta(days=1)
    record(
        browser,
        world.jo.id,
        held_on=[str(yesterday.day), str(yesterday.month), str(yesterday.year)],
    )
    play(world.jo, "school-call", ["Accept the dad's account and close the note."], ["again"], 0)
    agenda = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert "you took a parent&#39;s word as enough" in agenda
    assert "<strong>Back again</strong> (covered on" in agenda


def test_form_errors_are_shown_and_nothing_is_saved(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    future = utcnow().date() + timedelta(days=3)
    response = record(
        browser,
        world.jo.id,
        held_on=[str(future.day), str(future.month), str(future.year)],
        **{"actions-1-text": "", "actions-1-due_on": ["2", "2", "2030"]},
    )
    assert response.status_code == 400
    assert "The date of the session must be today or in the past" in response.text
    assert "Describe action 2, or clear its due date" in response.text
    missing = record(browser, world.jo.id, held_on=["", "", ""])
    assert "Enter the date of the session" in missing.text
    nonsense = record(browser, world.jo.id, held_on=["31", "2", "2026"])
    assert "The date of the session must be a real date, for example 27 3 2026" in nonsense.text
    bad_due = record(browser, world.jo.id, **{"actions-0-due_on": ["30", "2", "2030"]})
    assert "The due date for action 1 must be a real date" in bad_due.text
    assert "The date of the session must be a real date" not in bad_due.text
    assert db.session.scalar(select(AgreedAction)) is None


def test_a_comment_on_a_reflection_reaches_the_learner(world, browser, client):
    jo_leans_on_accounts(world)
    reflection = db.session.scalar(select(Reflection).where(Reflection.text == "ok"))
    sign_in(browser, world.sam)
    url = f"/supervise/reflections/{reflection.id}/comment"
    assert "ok" in client.get(url).text
    empty = browser.submit(url, {"text": "  "})
    assert empty.status_code == 400 and "Write your comment" in empty.text
    saved = browser.submit(url, {"text": "Could you say a little more? <b>Even a line</b> helps."})
    assert saved.headers["Location"].endswith(f"#reflection-{reflection.id}")
    assert "Could you say a little more?" in client.get(f"/supervise/learners/{world.jo.id}").text

    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "sam</strong> commented on" in mine
    assert "&lt;b&gt;Even a line&lt;/b&gt; helps." in mine


def test_record_form_groups_prompts_by_stage_and_says_what_raised_each(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.jo.id}/sessions/new").text
    legends = re.findall(r'govuk-fieldset__legend--s">\s*(\w+):', page)
    assert legends[0] == "Experience" and "Analysis" in legends
    assert len(legends) == len(set(legends)) >= 2
    thinking = page[page.index(">\n      Analysis:") :]
    thinking = thinking[: thinking.find("</fieldset>")]
    assert f'value="{LEANS}"' in thinking
    assert "Raised by: “Relied on a parent&#39;s own account” chosen at" in thinking
    # a ticked prompt stays ticked when the form comes back with an error
    again = record(browser, world.jo.id, held_on=["", "", ""])
    assert re.search(rf'value="{LEANS}"\s+checked', again.text)


def test_the_learners_landing_page_names_new_comments_and_actions_until_they_look(
    world, browser, client
):
    jo_leans_on_accounts(world)
    sign_in(browser, world.jo)
    assert "From your supervisor" not in client.get("/scenarios").text
    sign_in(browser, world.sam)
    record(browser, world.jo.id)  # two actions agreed
    reflection = db.session.scalar(select(Reflection).where(Reflection.text == "ok"))
    browser.submit(f"/supervise/reflections/{reflection.id}/comment", {"text": "Say more?"})
    assert "From your supervisor" not in client.get("/supervise/").text  # the learner's, not his

    sign_in(browser, world.jo)
    landing = client.get("/scenarios").text
    assert landing.count("From your supervisor") == 2
    today = utcnow().date()
    assert (
        f"sam recorded your supervision session of {today.day} {today:%B %Y} with 2 agreed "
        "actions." in landing
    )
    assert "sam commented on one of your reflections." in landing
    assert 'href="/my-learning">See it on My learning' in landing
    for banner in landing.split("From your supervisor")[1:]:  # not the words for access changes
        assert "If you did not expect this" not in banner[: banner.index("</form>")]
    client.get("/my-learning")  # now they have looked
    assert "From your supervisor" not in client.get("/scenarios").text


def test_a_comment_can_be_corrected_or_withdrawn_and_the_learner_sees_which(world, browser, client):
    from app.models import AuditEvent, ReflectionComment  # noqa: PLC0415

    jo_leans_on_accounts(world)
    reflection = db.session.scalar(select(Reflection).where(Reflection.text == "ok"))
    sign_in(browser, world.sam)
    browser.submit(f"/supervise/reflections/{reflection.id}/comment", {"text": "Typo in thsi."})
    comment = db.session.scalar(select(ReflectionComment))
    page = client.get(f"/supervise/learners/{world.jo.id}").text
    assert f'href="/supervise/comments/{comment.id}/correct">Correct or withdraw' in page
    fixed = browser.submit(f"/supervise/comments/{comment.id}/correct", {"text": "No typo now."})
    assert fixed.status_code == 302

    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "No typo now." in mine and "Typo in thsi." not in mine
    assert re.search(r"commented on \d+ \w+ \d{4} \(corrected on \d+ \w+ \d{4}\)", mine)
    assert "Correct or withdraw" not in mine
    assert client.get(f"/supervise/comments/{comment.id}/correct").status_code == 403

    sign_in(browser, world.sam)
    withdrawn = browser.submit(
        f"/supervise/comments/{comment.id}/correct",
        {},
        action=f"/supervise/comments/{comment.id}/withdraw",
    )
    assert withdrawn.status_code == 302
    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "No typo now." not in mine
    assert re.search(
        r"A comment by sam from \d+ \w+ \d{4} was withdrawn by sam on \d+ \w+ \d{4}\.", mine
    )
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like("comment.%"))).all()
    assert [(a.action, a.detail["text_before"]) for a in audit] == [
        ("comment.corrected", "Typo in thsi."),
        ("comment.withdrawn", "No typo now."),
    ]


def test_only_the_comments_author_may_correct_it(world, browser, client, make_user):
    from app.models import ReflectionComment  # noqa: PLC0415

    jo_leans_on_accounts(world)
    reflection = db.session.scalar(select(Reflection).where(Reflection.text == "ok"))
    sign_in(browser, world.sam)
    browser.submit(f"/supervise/reflections/{reflection.id}/comment", {"text": "Mine."})
    comment = db.session.scalar(select(ReflectionComment))
    make_user("other@example.org", ("supervisor",))
    browser.login("other@example.org")
    assert client.get(f"/supervise/comments/{comment.id}/correct").status_code == 404


def test_a_session_record_can_be_corrected_or_withdrawn_and_the_learner_sees_which(
    world, browser, client
):
    from app.models import AuditEvent, SupervisionSession  # noqa: PLC0415

    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    record(browser, world.jo.id, notes="Jo leans on acounts.")
    row = db.session.scalar(select(SupervisionSession))
    page = client.get(f"/supervise/learners/{world.jo.id}").text
    assert f'href="/supervise/records/{row.id}/correct">Correct or withdraw this record' in page
    fixed = browser.submit(
        f"/supervise/records/{row.id}/correct", {"notes": "Jo leans on accounts."}
    )
    assert fixed.status_code == 302

    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "Jo leans on accounts." in mine and "acounts" not in mine
    assert re.search(r"Corrected on \d+ \w+ \d{4}\.", mine)
    assert "You have 2 open actions" in mine
    assert client.get(f"/supervise/records/{row.id}/correct").status_code == 403

    sign_in(browser, world.sam)
    browser.submit(
        f"/supervise/records/{row.id}/correct", {}, action=f"/supervise/records/{row.id}/withdraw"
    )
    # the prompt it covered is back on the agenda
    agenda = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert "you took a parent&#39;s word as enough" in agenda
    sign_in(browser, world.jo)
    mine = client.get("/my-learning").text
    assert "Jo leans on accounts." not in mine and "open action" not in mine
    assert re.search(r"This record was withdrawn by sam on \d+ \w+ \d{4}\.", mine)
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.action.like("session.%"))).all()
    assert [a.action for a in audit] == ["session.corrected", "session.withdrawn"]
