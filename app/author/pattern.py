"""Start from a pattern: the author picks a story shape on the new-scenario page and fills one
page; one submit creates the whole draft (app/authoring/pattern_draft.py builds its text) and
opens its overview with the checker's findings. 'Suggest tags and questions' draws the page
again with tags ticked from each option's words and the questions for the chosen competencies.
An expired page keeps every word typed (app/author/autosave.py, `resend_page`)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..authoring import EditError
from ..authoring import pattern_bank as bank
from ..authoring.pattern_draft import (
    Brief,
    OptionBrief,
    StepBrief,
    draft_text,
    field_name,
    slug_for,
)
from ..authoring.patterns import PATTERNS, Pattern
from ..db import db
from ..engine import NodeKind
from ..services import drafts
from . import bp
from .common import field_error, vocab
from .pattern_form import example_for, pattern_form, sections


def _questions(form, name: str) -> str:
    ticked = [bank.question_text(key) for key in form[name].data or ()]
    own = form[name.removesuffix("questions") + "own"].data or ""
    return "\n".join([q for q in ticked if q] + [own.strip()]).strip()


def _step_brief(form, pattern: Pattern, step_id: str) -> StepBrief:
    step = pattern.step(step_id)

    def get(part: str, i: int | None = None):
        return form[field_name(step_id, part, i)].data or ""

    if step.kind == NodeKind.ENDING:
        return StepBrief(text=get("text"), outcome=get("outcome"), starter=get("starter"),
                         questions=_questions(form, field_name(step_id, "questions")))  # fmt: skip
    options = tuple(
        OptionBrief(text=get("text", i), feedback=get("feedback", i), strength=get("strength", i),
                    tags=tuple(get("tags", i) or ()),
                    questions=_questions(form, field_name(step_id, "questions", i)))
        for i in range(len(step.options))
    )  # fmt: skip
    return StepBrief(text=get("text"), options=options)


def _brief(form, pattern: Pattern, slug: str, sources: tuple[str, ...]) -> Brief:
    return Brief(
        slug=slug, title=form.title.data or "", summary=form.summary.data or "",
        role=form.role.data or "", agencies=tuple(form.agencies.data or ()),
        competencies=tuple(form.competencies.data or ()), sources=sources,
        content_note=form.content_note.data or "",
        steps={s.id: _step_brief(form, pattern, s.id) for s in pattern.steps},
    )  # fmt: skip


def _missing(form, pattern: Pattern) -> bool:
    """Name each field the draft cannot do without; True if any is empty."""
    if not (form.title.data or "").strip():
        form.title.errors.append("Enter a title")
    for step in pattern.steps:
        for i in range(len(step.options)):
            field = form[field_name(step.id, "text", i)]
            if not (field.data or "").strip():
                field.errors.append(f"Enter what the practitioner does in option {i + 1}")
    return bool(form.errors)


def _suggest(form, pattern: Pattern, tags) -> int:
    """Tick suggested tags on options with none ticked yet; how many options got some."""
    done = 0
    for step in pattern.steps:
        for i in range(len(step.options)):
            field = form[field_name(step.id, "tags", i)]
            if field.data:
                continue
            words = " ".join(
                form[field_name(step.id, p, i)].data or "" for p in ("text", "feedback")
            )
            strength = form[field_name(step.id, "strength", i)].data or ""
            field.data = bank.suggest_tags(words, strength, form.competencies.data or (), tags)
            done += bool(field.data)
    return done


def _sources(chosen, words) -> tuple[str, ...]:
    """The sources the chosen competencies come from; () when all are the default's."""
    found = {words.competencies[c].source for c in chosen if c in words.competencies}
    found.discard("")
    return () if found <= {vocab().default} else tuple(sorted(found))


@bp.context_processor
def _patterns() -> dict:
    """The shapes the new-scenario page offers (its view lives in views.py)."""
    return {"patterns": list(PATTERNS.values())} if request.endpoint == "author.new" else {}


@bp.route("/new/<shape>", methods=["GET", "POST"])
def pattern(shape: str):
    chosen_pattern = PATTERNS.get(shape) or abort(404)
    words = vocab().everything
    competencies = [(k, c.name) for k, c in words.competencies.items()]
    chosen = request.form.getlist("competencies") if request.method == "POST" else []
    form = pattern_form(chosen_pattern, competencies, words.tags, chosen)
    status = 200
    if form.is_submitted():
        if form.validate() and form.suggest.data:
            count = _suggest(form, chosen_pattern, words.tags)
            flash(f"Tags suggested for {count} of the options: untick any that do not fit. "
                  "Nothing is saved until you create the draft.", "info")  # fmt: skip
        elif not form.errors and not _missing(form, chosen_pattern):
            slug = drafts.free_slug(db.session, slug_for(form.title.data))
            sources = _sources(form.competencies.data or (), words)
            try:
                text = draft_text(chosen_pattern, _brief(form, chosen_pattern, slug, sources),
                                  words.tags)  # fmt: skip
                draft = drafts.new_draft(db.session, current_user, slug, form.title.data, text)
            except EditError as error:
                db.session.rollback()
                field_error(form, error)
            else:
                db.session.commit()
                flash(f"Draft created from the pattern '{chosen_pattern.name}', with every step "
                      "linked. The list below says what it still needs.", "success")  # fmt: skip
                return redirect(url_for("author.draft", draft_id=draft.id))
        status = 400 if form.errors else 200
    return render_template(
        "author/pattern.html", form=form, pattern=chosen_pattern,
        sections=sections(chosen_pattern), example=lambda n: example_for(n, chosen_pattern),
    ), status  # fmt: skip
