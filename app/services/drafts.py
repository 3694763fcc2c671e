"""Drafts: create, edit, check, import and export scenarios in the browser.

A draft is scenario text (the source of truth). Every change goes through
`app.authoring.apply_to_text` (parse, change, write back), and every save is checked with the
same `check_text` as `flask scenarios check`, so the browser and the command line never
disagree about what is wrong. A draft with problems can be saved; only publishing refuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..authoring import EditError, apply_to_text, blank_text, lost_in_rewrite, to_text
from ..authoring.drafting import Edit
from ..authoring.editing import renamed_steps
from ..authoring.locate import by_node
from ..authoring.steps import RestoreNode, previous_step
from ..authoring.twine import import_story
from ..authoring.twine_read import TwineError, read_story
from ..db import utcnow
from ..engine import Problem, Scenario, Vocabulary, check_text, parse
from ..engine.parser import ID_RE
from ..models import (
    ApprovalRequest,
    Draft,
    DraftRevision,
    MapPosition,
    Origin,
    StoredScenario,
    User,
)
from . import media, revisions

COMMENT_RE = re.compile(r"^\s*//", re.M)


class UploadError(ValueError):
    """An upload that cannot become a draft; the message is for the author."""


@dataclass(frozen=True)
class DraftState:
    """A draft as the editor shows it: parsed, with every problem grouped by node."""

    draft: Draft
    scenario: Scenario
    problems: list[Problem]
    by_node: dict[str | None, list[Problem]]
    unreadable: list[Problem]  # lines the forms cannot keep: fix them as text first
    comments: int  # `//` lines, which the forms do not keep


def state(draft: Draft, vocab: Vocabulary) -> DraftState:
    scenario, problems = check_text(draft.text, f"draft {draft.slug}", vocab)
    session = object_session(draft)
    if session is not None:  # images and audio the player could not show are problems too
        found = media.problems(session, draft.slug, draft.text, f"draft {draft.slug}")
        problems = sorted(problems + found, key=lambda p: p.line)
    return DraftState(
        draft,
        scenario,
        problems,
        by_node(draft.text, problems),
        lost_in_rewrite(draft.text),
        len(COMMENT_RE.findall(draft.text)),
    )


def all_drafts(session: Session) -> list[Draft]:
    return list(session.scalars(select(Draft).order_by(Draft.updated_at.desc())))


def all_scenarios(session: Session) -> list[StoredScenario]:
    """Every scenario with a published version, archived ones too (authors can bring them back)."""
    return list(
        session.scalars(
            select(StoredScenario)
            .where(StoredScenario.current_version_id.is_not(None))
            .order_by(StoredScenario.slug)
        )
    )


def stored_scenario(session: Session, slug: str) -> StoredScenario | None:
    return session.scalar(select(StoredScenario).where(StoredScenario.slug == slug))


def _slug_taken(session: Session, slug: str, draft: Draft | None = None) -> bool:
    if stored_scenario(session, slug) is not None:
        return True
    others = select(Draft.id).where(Draft.slug == slug)
    if draft is not None and draft.id is not None:
        others = others.where(Draft.id != draft.id)
    return session.scalar(others.limit(1)) is not None


def free_slug(session: Session, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`... if it is taken by a scenario or a draft."""
    candidate, number = slug, 1
    while _slug_taken(session, candidate):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


MAX_DRAFT_CHARS = 300_000  # ten times the longest scenario; every way in is held to it
TOO_LONG = (
    f"The scenario text would be longer than {MAX_DRAFT_CHARS:,} characters. Split it into "
    "shorter scenarios."
)


def _store(
    session: Session,
    user: User,
    draft: Draft,
    text: str,
    what: str = "",
    renames: dict[str, str] | None = None,
) -> Draft:
    """Save new text as a revision (app/services/revisions.py), keeping `slug` in step with
    the `id:` and refusing an id that would make
    the draft someone else's scenario, or change the id of a published one."""
    if len(text) > MAX_DRAFT_CHARS:
        raise EditError("text", TOO_LONG)
    scenario, _ = parse(text)
    new_slug = scenario.id if ID_RE.match(scenario.id) else draft.slug
    if new_slug != draft.slug:
        if stored_scenario(session, draft.slug) is not None:
            raise EditError(
                "id",
                "This scenario has been published, so its id cannot change: learners' "
                "records use it. Start a new scenario instead.",
            )
        if _slug_taken(session, new_slug, draft):
            raise EditError("id", f"The id '{new_slug}' is already used by another scenario")
    old_text = draft.text
    draft.text, draft.slug = text, new_slug
    draft.updated_at, draft.updated_by_id = utcnow(), user.id
    revisions.record(session, draft, old_text, user, what)
    _follow_map(session, draft, set(scenario.nodes), renames or {})
    session.flush()
    return draft


def _follow_map(session: Session, draft: Draft, steps: set[str], renames: dict[str, str]) -> None:
    """A box the author placed on the map stays with its step when the step is renamed, and
    goes when the step goes (a step brought back takes the automatic layout)."""
    if draft.id is None:
        return
    rows = session.scalars(select(MapPosition).where(MapPosition.draft_id == draft.id)).all()
    taken = set(renames.values())
    for row in rows:
        if (
            renames.get(row.node_id, row.node_id) not in steps
            or row.node_id in taken - renames.keys()
        ):
            session.delete(row)
    session.flush()
    for row in rows:
        if row.node_id in renames and renames[row.node_id] in steps:
            row.node_id = renames[row.node_id]


def new_draft(
    session: Session, user: User, slug: str, title: str, text: str | None = None
) -> Draft:
    """A new draft: one empty scene, or `text` (a whole draft built from a pattern)."""
    text = blank_text(slug, title) if text is None else text
    if _slug_taken(session, slug):
        raise EditError("slug", f"The id '{slug}' is already used by another scenario")
    draft = Draft(slug=slug, text=text, origin=Origin.BROWSER, notes="")
    session.add(draft)
    return _store(session, user, draft, text, "a new draft")


def draft_from_version(session: Session, user: User, stored: StoredScenario) -> Draft:
    """The author's way in to change a published scenario: its browser draft if there is one,
    else a new one holding the current version's text."""
    existing = session.scalar(
        select(Draft).where(Draft.slug == stored.slug, Draft.origin == Origin.BROWSER).limit(1)
    )
    if existing is not None:
        return existing
    version = stored.current_version
    assert version is not None
    draft = Draft(slug=stored.slug, text=version.source, origin=Origin.BROWSER, notes="")
    draft.base_version_id = version.id
    session.add(draft)
    return _store(session, user, draft, version.source, f"version {version.number} as a draft")


def edit(session: Session, user: User, draft: Draft, change: Edit, what: str = "") -> Draft:
    """Apply one editor change (`what` names it in the history). Raises EditError (stored
    nothing) with a message for a field."""
    text = apply_to_text(draft.text, change)
    return _store(session, user, draft, text, what, renamed_steps(change))


def save_text(session: Session, user: User, draft: Draft, text: str) -> Draft:
    """The whole text as typed on the 'Edit as text' page (comments and all are kept)."""
    text = text.replace("\r\n", "\n")
    return _store(session, user, draft, text if text.endswith("\n") else text + "\n", "the text")


def restore(session: Session, user: User, draft: Draft, revision: DraftRevision) -> Draft:
    """Bring back a whole revision's text. It is a new save, so it can be undone in turn."""
    number = revisions.number_of(draft, revision)
    return _store(session, user, draft, revision.text, f"brought back save {number}")


def bring_back_step(
    session: Session, user: User, draft: Draft, revision: DraftRevision, node_id: str
) -> Draft:
    """Put back one step that `revision` deleted, as it was just before, leaving every other
    change since in place."""
    earlier = revisions.before(draft, revision)
    old = parse(earlier.text)[0] if earlier is not None else None
    if old is None or node_id not in old.nodes:
        raise EditError("node_id", f"No earlier save has a step called '{node_id}'")
    after = previous_step(old, node_id)
    current = parse(draft.text)[0]
    change = RestoreNode(old.nodes[node_id], after if after in current.nodes else None)
    return edit(session, user, draft, change, f"brought back step '{node_id}'")


def delete(session: Session, draft: Draft) -> None:
    """Discard a draft. Approval requests keep their frozen text."""
    for request in session.scalars(
        select(ApprovalRequest).where(ApprovalRequest.draft_id == draft.id)
    ):
        request.draft_id = None
    session.flush()
    session.delete(draft)
    session.flush()


def clear_notes(draft: Draft) -> None:
    """The author has read the import warnings or load conflict: stop showing them."""
    draft.notes = ""


def import_file(session: Session, user: User, data: bytes) -> Draft:
    """An uploaded scenario file becomes a draft of the scenario its `id:` names."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError(
            "The file is not UTF-8 text: save it as plain text and try again"
        ) from None
    if len(text) > MAX_DRAFT_CHARS:
        raise UploadError(TOO_LONG)
    scenario, _ = parse(text)
    if not ID_RE.match(scenario.id):
        raise UploadError("The file has no valid 'id:' line, so it cannot be matched to a scenario")
    stored = stored_scenario(session, scenario.id)
    draft = Draft(slug=scenario.id, text="", origin=Origin.UPLOAD, notes="")
    draft.base_version_id = stored.current_version_id if stored else None
    session.add(draft)
    draft.text, draft.updated_at, draft.updated_by_id = (
        text.replace("\r\n", "\n"),
        utcnow(),
        user.id,
    )
    revisions.record(session, draft, "", user, "the uploaded file")
    session.flush()
    return draft


def import_twine(session: Session, user: User, data: bytes) -> Draft:
    """A Twine story becomes a new draft; what could not be mapped is kept in its notes."""
    try:
        imported = import_story(read_story(data))
    except TwineError as problem:
        raise UploadError(str(problem)) from None
    scenario, slug, n = imported.scenario, imported.scenario.id, 2
    while _slug_taken(session, slug):
        slug, n = f"{imported.scenario.id}-{n}", n + 1
    notes = list(imported.warnings)
    if slug != scenario.id:
        notes.insert(0, f"The id '{scenario.id}' was taken, so this draft is '{slug}'.")
    draft = Draft(slug=slug, text="", origin=Origin.TWINE, notes="\n".join(notes))
    session.add(draft)
    return _store(session, user, draft, to_text(replace(scenario, id=slug)), "the Twine import")


def export_name(slug: str) -> str:
    return f"{slug}.scenario"
