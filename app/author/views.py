"""Authoring pages: the list of scenarios and drafts, a new draft, a draft's overview, its
details and its whole text. Views stay thin: app.services.drafts does the work, and an
EditError from it becomes an error on the form field it names."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..action_form import ActionForm, confirmed
from ..authoring import EditError, SetDetails
from ..authoring.steps import step_label
from ..authz import load_or_refuse, require
from ..db import db
from ..models import ScenarioVersion
from ..services import drafts, publishing
from . import (  # noqa: F401 - routes
    autosave,
    bp,
    coach_view,
    copying,
    format_guide,
    forwards,
    history,
    media,
    nodes,
    options,
    publish,
    stale,
    tools,
)
from .common import (
    draft_or_404,
    edited,
    field_error,
    problem_links,
    published_or_404,
    save_draft,
    vocab,
    with_unknown,
)
from .forms import DetailsForm, NewDraftForm, TextForm


@bp.before_request
@login_required
def _authors_only() -> None:
    require("area:author")


@bp.get("/")
def index():
    words = vocab()  # once for the page, not once a draft
    return render_template(
        "author/index.html",
        drafts=[drafts.state(d, words) for d in drafts.all_drafts(db.session)],
        scenarios=drafts.all_scenarios(db.session),
        requests=publishing.open_requests(db.session),
    )


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = NewDraftForm()
    if form.validate_on_submit():
        try:
            draft = drafts.new_draft(db.session, current_user, form.slug.data, form.title.data)
        except EditError as error:
            db.session.rollback()
            field_error(form, error)
        else:
            db.session.commit()
            flash("Draft created. The list below says what it still needs.", "success")
            return redirect(url_for("author.draft", draft_id=draft.id))
    return render_template("author/new.html", form=form)


@bp.get("/scenarios/<slug>")
def scenario(slug: str):
    stored = published_or_404(slug)
    return render_template(
        "author/scenario.html",
        stored=stored,
        versions=publishing.versions(db.session, stored),
        form=ActionForm(),
    )


@bp.post("/scenarios/<slug>/edit")
def edit_scenario(slug: str):
    stored = published_or_404(slug)
    confirmed()
    draft = drafts.draft_from_version(db.session, current_user, stored)
    db.session.commit()
    return redirect(url_for("author.draft", draft_id=draft.id))


@bp.get("/drafts/<int:draft_id>")
def draft(draft_id: int):
    state = drafts.state(draft_or_404(draft_id), vocab())
    return render_template(
        "author/draft.html",
        state=state,
        problems=problem_links(state),
        stored=drafts.stored_scenario(db.session, state.draft.slug),
        requests=publishing.open_requests(db.session, state.draft),
        add_form=nodes.add_node_form(),
        action=ActionForm(),
        undo=nodes.undo_offer(state),
    )


def _details_form(state: drafts.DraftState) -> DetailsForm:
    s = state.scenario
    form = DetailsForm(data=None if request.method == "POST" else {
        "id": s.id, "title": s.title, "summary": s.summary, "role": s.role,
        "agencies": list(s.agencies), "competencies": list(s.competencies),
        "minutes": str(s.minutes), "flags": ", ".join(s.flags),
        "content_note": s.content_note, "start": s.start, "sources": list(s.sources),
    })  # fmt: skip
    found = vocab()
    known_sources = [(k, src.title) for k, src in found.sources.items()]
    form.sources.choices = with_unknown(known_sources, s.sources)
    known = [(k, c.name) for k, c in vocab().competencies.items()]
    form.competencies.choices = with_unknown(known, s.competencies)
    form.start.choices = [("", "Choose the first node")] + [
        (n.id, step_label(n)) for n in s.nodes.values()
    ]
    return form


@bp.route("/drafts/<int:draft_id>/details", methods=["GET", "POST"])
def details(draft_id: int):
    draft = draft_or_404(draft_id)
    state = drafts.state(draft, vocab())
    form = _details_form(state)
    if form.is_submitted():
        valid = form.validate()
        change = SetDetails(**{name: form[name].data or "" for name in (
            "id", "title", "summary", "role", "minutes", "flags", "content_note", "start")},
            agencies=tuple(form.agencies.data or ()),
            competencies=tuple(form.competencies.data or ()),
            sources=tuple(form.sources.data or ()))  # fmt: skip
        for error in change.errors():  # every refusal at once, beside the form's own checks
            if not getattr(getattr(form, error.field, None), "errors", None):
                field_error(form, error)
        if valid and not form.errors:
            here = url_for("author.details", draft_id=draft_id)
            after = url_for("author.draft", draft_id=draft_id)
            reply = save_draft(draft, form, edited(draft, change, "the details"), here,
                               "the details", after)  # fmt: skip
            if reply is not None:
                return reply
    if autosave.wanted():
        return autosave.refused(form)
    # After a refused save the saved draft's problems would contradict what was typed: the
    # form's errors are the whole story until it is saved.
    problems = (
        [] if form.errors else [p for p in problem_links(state) if p.where == "scenario details"]
    )
    stale.draw(form, draft)
    return render_template("author/details.html", state=state, form=form, problems=problems), (
        400 if form.errors else 200
    )


@bp.route("/drafts/<int:draft_id>/text", methods=["GET", "POST"])
def text(draft_id: int):
    draft = draft_or_404(draft_id)
    form = TextForm(data=None if request.method == "POST" else {"text": draft.text})
    if form.validate_on_submit():
        text = form.text.data or ""
        reply = save_draft(
            draft, form, lambda: drafts.save_text(db.session, current_user, draft, text),
            url_for("author.text", draft_id=draft_id), "the text",
        )  # fmt: skip
        if reply is not None:
            return reply
    if autosave.wanted():
        return autosave.refused(form)
    state = drafts.state(draft, vocab())
    stale.draw(form, draft)
    return render_template(
        "author/text.html", state=state, form=form, problems=problem_links(state)
    ), (400 if form.errors else 200)


@bp.route("/drafts/<int:draft_id>/delete", methods=["GET", "POST"])
def delete_draft(draft_id: int):
    draft = draft_or_404(draft_id)
    form = ActionForm()
    if form.validate_on_submit():
        drafts.delete(db.session, draft)
        db.session.commit()
        flash(f"Draft of '{draft.slug}' deleted. Published versions are not affected.", "success")
        return redirect(url_for("author.index"))
    return render_template(
        "author/confirm.html",
        form=form,
        heading=f"Delete this draft of '{draft.slug}'?",
        body="Everything in the draft is lost. Published versions and learners' attempts are "
        "not affected.",
        button="Delete draft",
        back=url_for("author.draft", draft_id=draft_id),
    )


@bp.post("/drafts/<int:draft_id>/notes/clear")
def clear_notes(draft_id: int):
    draft = draft_or_404(draft_id)
    confirmed()
    drafts.clear_notes(draft)
    db.session.commit()
    return redirect(url_for("author.draft", draft_id=draft_id))


def _text_download(text: str, slug: str) -> Response:
    response = Response(text, mimetype="text/plain")
    response.headers["Content-Disposition"] = f'attachment; filename="{drafts.export_name(slug)}"'
    return response


@bp.get("/drafts/<int:draft_id>/export")
def export_draft(draft_id: int):
    draft = draft_or_404(draft_id)
    return _text_download(draft.text, draft.slug)


@bp.get("/versions/<int:version_id>/export")
def export_version(version_id: int):
    version = load_or_refuse(ScenarioVersion, version_id)
    return _text_download(version.source, version.scenario.slug)
