"""A finished attempt's kept summary: stored when it finishes, read by the supervision pages
instead of a replay, rebuilt when missing or stale, erased with the person; the pages show the
same thing either way. A busy learner's attempts come 10 a page."""

from __future__ import annotations

import re

from sqlalchemy import delete, select

from app.db import db
from app.models import Attempt, AttemptSummary, AuditEvent, Reflection
from app.services import personal_data, player, supervision_input
from app.services.attempt_summaries import FORMAT, decode, walk_of

from .supervision_world import jo_leans_on_accounts, play, sign_in

TOKENS = re.compile(r'(name="csrf_token"[^>]*value=|nonce=)"[^"]*"')


def _pages(client, world) -> dict[str, str]:
    urls = ["/supervise/", f"/supervise/learners/{world.jo.id}"]
    urls += [
        f"/supervise/learners/{world.jo.id}/agenda",
        f"/supervise/learners/{world.jo.id}/sessions/new",
    ]
    shown = {}
    for url in urls:
        reply = client.get(url)
        assert reply.status_code == 200, url
        shown[url] = TOKENS.sub(r'\1""', reply.text)
    return shown


def _summaries() -> dict[int, AttemptSummary]:
    db.session.expire_all()
    return {s.attempt_id: s for s in db.session.scalars(select(AttemptSummary))}


def test_finishing_an_attempt_keeps_its_summary_as_a_replay_would_build_it(world):
    attempt = play(world.jo, "school-call", ["Ask Kai how his mornings are going."], ["Kai said"])
    kept = _summaries()[attempt.id]
    assert kept.content_hash == attempt.version.content_hash and kept.format == FORMAT
    replayed = player.load_play(attempt)
    assert decode(kept.body) == walk_of(replayed.scenario, replayed.position, attempt.answers)
    assert "Kai said" not in str(kept.body)  # no reflection text in it


def test_pages_read_summaries_without_replaying(world, browser, client, monkeypatch):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)

    def no_replay(*args):
        raise AssertionError("a finished attempt was replayed")

    monkeypatch.setattr(supervision_input, "replay", no_replay)
    shown = _pages(client, world)
    assert "Take her word for it." in shown[f"/supervise/learners/{world.jo.id}"]
    assert "Relied on the parent&#39;s account at 2 of 2 decisions" in shown["/supervise/"]


def test_missing_or_stale_summaries_are_rebuilt_and_the_pages_do_not_change(world, browser, client):
    jo_leans_on_accounts(world)
    play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["I asked Kai."])
    sign_in(browser, world.sam)
    from_summaries = _pages(client, world)
    kept = {k: (s.content_hash, s.body) for k, s in _summaries().items()}
    assert len(kept) == 3
    db.session.execute(delete(AttemptSummary))
    db.session.commit()
    assert _pages(client, world) == from_summaries  # replayed, and stored again
    assert {k: (s.content_hash, s.body) for k, s in _summaries().items()} == kept
    stale = min(kept)
    db.session.get(AttemptSummary, stale).content_hash = "0" * 64
    db.session.commit()
    assert _pages(client, world) == from_summaries
    assert _summaries()[stale].content_hash == kept[stale][0]


def test_erasing_a_person_drops_their_summaries(world):
    jo_leans_on_accounts(world)
    play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["I asked Kai."])
    jos = set(db.session.scalars(select(Attempt.id).where(Attempt.user_id == world.jo.id)))
    assert jos <= set(_summaries())
    personal_data.erase(db.session, world.jo, world.admin)
    db.session.commit()
    left = set(_summaries())
    assert not jos & left and len(left) == 1  # dan's stays
    assert "attempt_summaries" in personal_data.export(db.session, world.dan)


def test_a_busy_learners_attempts_come_ten_a_page_and_reflection_links_find_theirs(
    world, browser, client
):
    for n in range(12):
        play(
            world.jo,
            "school-call",
            ["Ask Kai how his mornings are going."],
            [f"Note {n} here"],
            30 - n,
        )
    sign_in(browser, world.sam)
    first = client.get(f"/supervise/learners/{world.jo.id}")
    assert "Attempts 1 to 10 of 12." in first.text
    assert "Note 11 here" in first.text and "Note 1 here" not in first.text
    assert f'href="/supervise/learners/{world.jo.id}?page=2#attempts"' in first.text
    second = client.get(f"/supervise/learners/{world.jo.id}?page=2")
    assert "Attempts 11 to 12 of 12." in second.text
    assert "Note 0 here" in second.text and "Note 2 here" not in second.text
    oldest = db.session.scalar(select(Reflection).where(Reflection.text == "Note 0 here"))
    read = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert read.detail["reflection_ids"] == sorted(
        db.session.scalars(
            select(Reflection.id).where(Reflection.text.in_(["Note 0 here", "Note 1 here"]))
        )
    )  # only the reflections shown on that page are logged as read
    comment = client.get(f"/supervise/reflections/{oldest.id}/comment")
    back = f'href="/supervise/learners/{world.jo.id}?page=2#reflection-{oldest.id}"'
    assert back in comment.text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', comment.text).group(1)
    saved = client.post(
        f"/supervise/reflections/{oldest.id}/comment", data={"csrf_token": token, "text": "Thanks."}
    )
    assert saved.headers["Location"].endswith(f"?page=2#reflection-{oldest.id}")
    assert client.get(f"/supervise/learners/{world.jo.id}?page=99").status_code == 200  # the last
