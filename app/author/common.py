"""What every authoring view needs: a draft or a published scenario (or 404), the vocabulary,
and each problem turned into a link to the form that fixes it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, flash, url_for

from ..authoring import EditError
from ..authz import load_or_refuse
from ..engine import Problem, Vocabulary
from ..engine.wording import plural
from ..models import Draft, StoredScenario
from ..services import drafts, library


def vocab() -> Vocabulary:
    return library.vocabulary(current_app.config["CONTENT_DIR"])


def draft_or_404(draft_id: int) -> Draft:
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
    text_page = url_for("author.text", draft_id=draft.id, _anchor=f"line-{problem.line}")
    if unreadable:
        return ProblemLink(problem.message, problem.line, "the text", text_page)
    if node_id is None:
        href = url_for("author.details", draft_id=draft.id)
        return ProblemLink(problem.message, problem.line, "scenario details", href)
    if node is None:
        return ProblemLink(problem.message, problem.line, f"node {node_id}", text_page)
    option = None
    for candidate in node.options:
        if candidate.line <= problem.line:
            option = candidate
    if option is not None:
        href = url_for("author.option", draft_id=draft.id, node_id=node.id, index=option.index)
        return ProblemLink(
            problem.message, problem.line, f"{node.id}, option {option.index + 1}", href
        )
    href = url_for("author.node", draft_id=draft.id, node_id=node.id)
    return ProblemLink(problem.message, problem.line, f"node {node.id}", href)


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
