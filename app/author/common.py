"""What every authoring view needs: a draft or a published scenario (or 404), the vocabulary,
and each problem turned into a link to the form that fixes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import select

from ..authoring import EditError
from ..authoring.wording import in_editor_words
from ..authz import load_or_refuse
from ..db import db
from ..engine import Problem, SourceSet
from ..engine.wording import plural
from ..models import Draft, ScenarioVersion, StoredScenario
from ..services import drafts, sources
from . import autosave, stale


def vocab() -> SourceSet:
    """Every learning source: checks a draft against its own sources, and reads like a
    Vocabulary of every source's words where the forms list choices."""
    return sources.source_set(db.session, current_app.config["CONTENT_DIR"])


def draft_or_404(draft_id: int) -> Draft:
    """The draft; a draft used up by publishing sends its old pages (reached with Back, or a
    bookmark) to the published scenario with a message instead of a 404."""
    if db.session.get(Draft, draft_id) is None:
        version = db.session.scalar(
            select(ScenarioVersion)
            .where(ScenarioVersion.from_draft_id == draft_id)
            .order_by(ScenarioVersion.id.desc())
        )
        if version is not None:
            flash(
                f"That draft was published as version {version.number} of '{version.title}', so "
                "it is no longer a draft. This is the published scenario: choose 'Edit in the browser' to "
                "start a new draft from it.",
                "info",
            )
            abort(redirect(url_for("author.scenario", slug=version.scenario.slug)))
    return load_or_refuse(Draft, draft_id)


def published_or_404(slug: str) -> StoredScenario:
    """A scenario with at least one published version (archived or not), by its id."""
    return load_or_refuse(
        StoredScenario,
        slug,
        by=StoredScenario.slug,
        shown=lambda s: s.current_version_id is not None,
    )


@dataclass(frozen=True)
class ProblemLink:
    message: str
    line: int
    where: str
    href: str


def problem_links(state: drafts.DraftState) -> list[ProblemLink]:
    """Each problem with where it is and a link to fix it: the option, node or details form,
    or the text page for lines the forms cannot show."""
    draft, scenario = state.draft, state.scenario
    unreadable = {(p.line, p.message) for p in state.unreadable}
    links = []
    for node_id, problems in state.by_node.items():
        node = scenario.nodes.get(node_id) if node_id else None
        for problem in problems:
            links.append(
                _link(draft, node_id, node, problem, (problem.line, problem.message) in unreadable)
            )
    return sorted(links, key=lambda link: link.line)


def _link(draft: Draft, node_id, node, problem: Problem, unreadable: bool) -> ProblemLink:
    """The problem in the editor's words (app/authoring/wording.py), linked to the field that
    fixes it. Only lines the forms cannot show keep the file's words and a line number."""
    if unreadable:
        text_page = url_for("author.text", draft_id=draft.id, _anchor=f"line-{problem.line}")
        return ProblemLink(
            problem.message, problem.line, f"the text, line {problem.line}", text_page
        )
    worded = in_editor_words(problem.message)
    anchor = worded.field
    if node_id is None:
        href = url_for("author.details", draft_id=draft.id, _anchor=anchor)
        return ProblemLink(worded.message, problem.line, "scenario details", href)
    if node is None:
        text_page = url_for("author.text", draft_id=draft.id, _anchor=f"line-{problem.line}")
        return ProblemLink(worded.message, problem.line, f"node {node_id}", text_page)
    option = None
    for candidate in node.options:
        if candidate.line <= problem.line:
            option = candidate
    if option is not None:
        href = url_for(
            "author.option", draft_id=draft.id, node_id=node.id, index=option.index, _anchor=anchor
        )
        return ProblemLink(
            worded.message, problem.line, f"{node.id}, option {option.index + 1}", href
        )
    href = url_for("author.node", draft_id=draft.id, node_id=node.id, _anchor=anchor)
    return ProblemLink(worded.message, problem.line, f"node {node.id}", href)


def field_error(form, error: EditError) -> None:
    """Show an EditError against its field, or at the top of the form."""
    field = getattr(form, error.field, None)
    if field is not None and hasattr(field, "errors") and isinstance(field.errors, list):
        field.errors.append(error.message)
    else:
        form.form_errors.append(error.message)


def saved(draft_id: int, where: str) -> None:
    draft = draft_or_404(draft_id)
    count = len(drafts.state(draft, vocab()).problems)
    if count:
        flash(
            f"Saved {where}. This draft has {plural(count, 'problem')}, all "
            "listed on its overview.",
            "info",
        )
    else:
        flash(f"Saved {where}. No problems found.", "success")


def with_unknown(choices: list[tuple[str, str]], current) -> list[tuple[str, str]]:
    """Checkbox choices plus any value the draft already has that is not among them (a typo or
    an undeclared flag from a file), so saving the form never drops it without the author
    seeing it. The checker names such values as problems."""
    known = {value for value, _ in choices}
    extra = [(v, f"{v} (not recognised)") for v in (current or ()) if v not in known]
    return choices + extra


def stored(draft: Draft, form, store: Callable[[], object]) -> bool:
    """Run `store()` (a change to the draft) and commit. When another author saved since the
    form was drawn, or the change raises EditError, show why on the form and store nothing."""
    if stale.refused(form, draft):
        return False
    try:
        store()
    except EditError as error:
        db.session.rollback()
        field_error(form, error)
        return False
    db.session.commit()
    return True


def edited(draft: Draft, change, what: str) -> Callable[[], object]:
    """The `store` for one edit of the draft, named `what` in its history."""
    return lambda: drafts.edit(db.session, current_user, draft, change, what)


def save_draft(
    draft: Draft, form, store: Callable[[], object], here: str, where: str,
    after: str | None = None, then: Callable[[], object] | None = None,
):  # fmt: skip
    """The save step of every editor form: store the change (see `stored`); then `then()` may
    answer instead (a new step to open next); else the autosave script gets JSON naming `here`,
    the address the form now belongs to, and a plain submit a message saying what was saved
    (`where`) and a redirect to `after` (or `here`). None when nothing was stored: the view
    draws the form again with its errors."""
    if not stored(draft, form, store):
        return None
    instead = then() if then is not None else None
    if instead is not None:
        return instead
    if autosave.wanted():
        return autosave.saved(draft, here)
    saved(draft.id, where)
    return redirect(after or here)
