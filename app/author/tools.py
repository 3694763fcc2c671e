"""The scenario map, the preview, and imports (a scenario file, or a Twine story).

The preview is read-only: its forms use GET, the answers travel in the URL, and reflection
boxes have no name so what an author types is never sent. Nothing is written to the database.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..authoring import preview as replay
from ..authoring.supervisor_view import supervisor_prompts
from ..db import db, utcnow
from ..engine import StepError, profile
from ..engine.ordering import shown_order
from ..services import drafts, source_rules, sources, supervision
from ..services.drafts import UploadError
from ..supervision import group
from . import bp, map_edit
from .common import draft_or_404, vocab
from .forms import UploadForm


@bp.get("/drafts/<int:draft_id>/map")
def map_page(draft_id: int):
    """The map, with forms to build on it (app/author/map_edit.py)."""
    return map_edit.render_map(draft_id)


@bp.get("/drafts/<int:draft_id>/preview")
def preview(draft_id: int):
    state = drafts.state(draft_or_404(draft_id), vocab())
    scenario = state.scenario
    start = request.args.get("node", "")
    flags = frozenset(f for f in request.args.getlist("flags") if f in scenario.flags)
    if start not in scenario.nodes:
        return render_template("author/preview_start.html", state=state, flags=flags)
    tokens = replay.decode(request.args.get("a", ""))
    error = None
    if "answered" in request.args:
        given = request.args.get("next")
        try:
            if not given:
                raise StepError("wrong-kind", "Choose one of the options.")
            replay.play(scenario, start, flags, [*tokens, given])
            tokens.append(given)
        except StepError as problem:
            error = problem.message
    try:
        position = replay.play(scenario, start, flags, tokens)
    except StepError as problem:
        return render_template(
            "author/preview.html", state=state, broken=problem.message, start=start, flags=flags
        ), 200
    last = position.path[-1] if position.path else None
    chosen = last.option if last is not None else None
    own = sources.vocabulary_for(db.session, current_app.config["CONTENT_DIR"], scenario)
    found = profile(scenario, position.path) if position.finished else None
    rules = supervision.rules_for(current_app.config) + source_rules.for_scenario(
        db.session, current_app.config["CONTENT_DIR"], scenario
    )  # the sources' own rules too
    asked = supervisor_prompts(scenario, position, found, rules, own, utcnow())
    return render_template(
        "author/preview.html",
        own_vocab=own,
        related=own.known(chosen.scores) if chosen is not None else [],
        supervisor=group(asked.prompts),
        strengths=asked.strengths,
        at_start=not tokens and start == scenario.start,
        state=state,
        position=position,
        start=start,
        flags=flags,
        tokens=replay.encode(tokens),
        error=error,
        chosen=chosen,
        options=shown_order(position.offered_options(), seed=None),
        profile=found,
        vocab=vocab(),
        broken=None,
    )


def _upload(kind: str):
    form = UploadForm()
    if form.validate_on_submit():
        data = form.file.data.read()
        try:
            if kind == "twine":
                draft = drafts.import_twine(db.session, current_user, data)
            else:
                draft = drafts.import_file(db.session, current_user, data)
        except UploadError as error:
            db.session.rollback()
            form.file.errors.append(str(error))
        else:
            db.session.commit()
            flash("Imported as a draft. Nothing is published until you publish it.", "success")
            return redirect(url_for("author.draft", draft_id=draft.id))
    return render_template("author/upload.html", form=form, kind=kind), (
        400 if form.errors else 200
    )


@bp.route("/import", methods=["GET", "POST"])
def import_file():
    return _upload("file")


@bp.route("/import-twine", methods=["GET", "POST"])
def import_twine():
    return _upload("twine")
