"""A small world of real objects and eight kinds of visitor, for the authorisation matrix and
the hostile-input tests: Jo (learner) has a finished attempt with a reflection, a comment and
a supervision record from Sam (her supervisor); the author has a draft and an approval request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from app.db import db, utcnow
from app.models import (
    AgreedAction,
    LearningSource,
    LtiHandoff,
    LtiPlatform,
    Notice,
    Reflection,
    ReflectionComment,
    SourcePage,
    SourceRule,
    SourceTag,
    StoredScenario,
    SupervisionSession,
)
from app.services import (
    accounts,
    certificates,
    cpd,
    drafts,
    exercise_library,
    exercise_sessions,
    library,
    media,
    notices,
    player,
    publishing,
    supervision_records,
)
from app.services.supervision_records import NewAction
from tests.conftest import Browser
from tests.media_samples import png

from .supervision_world import World, jo_leans_on_accounts, play, when

PRINCIPALS = (
    "anonymous",
    "learner",
    "other_learner",
    "supervisor",
    "other_supervisor",
    "author",
    "admin",
    "deactivated",
)


@dataclass
class Objects:
    ids: dict[str, object]  # URL argument name -> a real value
    clients: dict[str, Browser]  # principal -> a browser signed in as them


def _exercise_session(app, world: World):
    """A live session of the shipped exercise that the author runs, Jo in the care seat."""
    from datetime import datetime

    from tests.functional.exercise_helpers import load_exercise

    load_exercise(app)
    version = exercise_library.catalogue(db.session)[0]
    sess = exercise_sessions.start(db.session, version, world.author, "live", datetime.now(), 12)
    person = exercise_sessions.join(db.session, sess, world.jo)
    exercise_sessions.take_seat(db.session, sess, person, "care")
    return sess


def _deep_link_request(world: World) -> LtiHandoff:
    """A learning platform's deep-linking launch that signed Jo in, waiting for her pick."""
    platform = LtiPlatform(
        name="World Moodle",
        issuer="https://moodle.example.org",
        client_id="world-client",
        auth_login_url="https://moodle.example.org/mod/lti/auth.php",
        token_url="https://moodle.example.org/mod/lti/token.php",
        jwks_url="https://moodle.example.org/mod/lti/certs.php",
        deployment_ids="1",
    )
    db.session.add(platform)
    db.session.flush()
    handoff = LtiHandoff(
        token_hash="0" * 64,
        state_hash="1" * 64,
        user_id=world.jo.id,
        platform_id=platform.id,
        deployment_id="1",
        kind="deep_link",
        settings={
            "deep_link_return_url": "https://moodle.example.org/mod/lti/contentitem_return.php"
        },
        expires_at=utcnow() + timedelta(hours=1),
        entered_at=utcnow(),
    )
    db.session.add(handoff)
    db.session.flush()
    return handoff


def build(app, world: World, make_user) -> Objects:
    jo_leans_on_accounts(world)
    choices = ["Visit her at home.", "Share what you saw at the visit."]
    attempt = play(world.jo, "short-visit", choices, ["Jo's reflection", "More"], 1)
    reflection = db.session.scalars(
        select(Reflection).where(Reflection.answer.has(attempt_id=attempt.id))
    ).first()
    path = player.load_play(attempt).position.path
    choice = next(i for i, step in enumerate(path) if step.option is not None)
    supervision_records.add_comment(db.session, world.sam, reflection, "Sam's comment")
    supervision_records.record_session(
        db.session, world.sam, world.jo, when(1).date(), "Notes", [], [NewAction("Read", None)]
    )
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "short-visit"))
    draft = drafts.draft_from_version(db.session, world.author, stored)
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    approval = publishing.request_approval(db.session, world.author, draft, vocab)
    token = accounts.issue_password_link(db.session, world.dan, world.admin, 24)
    gone = make_user("gone@example.org")
    notices.tell(db.session, world.jo, "Your supervisor changed.")
    db.session.add(  # a learning source written in the browser, with one briefing page
        LearningSource(
            slug="world-review",
            title="A world review",
            pages=[SourcePage(slug="briefing", title="Briefing", body="Read this.")],
            tags=[SourceTag(key="world-tag", label="A world tag")],
            rules=[
                SourceRule(
                    key="world-tag",
                    tag="world-tag",
                    stage="analysis",
                    prompt="In {scenarios}, what did you notice?",
                )
            ],  # fmt: skip
        )
    )
    exercise = _exercise_session(app, world)
    media.upload(db.session, world.author, "short-visit", "world.png", png(), "A picture", "")
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    item = cpd.item_for(db.session, world.jo, vocab, "scenario", attempt.id)
    certificate = certificates.issue(db.session, world.jo, item)
    deep_link = _deep_link_request(world)
    db.session.commit()
    people = {
        "learner": world.jo,
        "other_learner": world.tom,
        "supervisor": world.sam,
        "other_supervisor": world.priya,
        "author": world.author,
        "admin": world.admin,
        "deactivated": gone,
    }
    clients = {"anonymous": Browser(app.test_client())}
    for name, user in people.items():
        clients[name] = Browser(app.test_client())
        assert clients[name].login(user.email).status_code == 302
    accounts.set_active(db.session, gone, False, world.admin)
    action = db.session.scalars(select(AgreedAction)).one()
    notice = db.session.scalars(select(Notice).where(Notice.user_id == world.jo.id)).first()
    db.session.commit()
    ids = {
        "attempt_id": attempt.id,
        "number": choice,
        "reflection_id": reflection.id,
        "action_id": action.id,
        "learner_id": world.jo.id,
        "user_id": world.jo.id,
        "draft_id": draft.id,
        "revision_id": draft.revisions[0].id,
        "node_id": "first",
        "index": 0,
        "request_id": approval.id,
        "notice_id": notice.id,
        "comment_id": db.session.scalars(select(ReflectionComment)).one().id,
        "record_id": db.session.scalars(select(SupervisionSession)).one().id,
        "version_id": stored.current_version_id,
        "slug": "short-visit",
        "token": token,
        "filename": "favicon.svg",
        "session_id": exercise.id,
        "seat": "care",
        "fragment": "no-record",
        "decision": "front-door-screen",
        "name": "world",  # an image of the published scenario
        "kind": "scenario",
        "ref_id": attempt.id,
        "certificate_id": certificate.id,
        "code": certificate.token,
        "handoff_id": deep_link.id,
        "platform_id": deep_link.platform_id,
    }
    return Objects(ids, clients)
