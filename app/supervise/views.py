"""Supervisors' pages: team dashboard, one learner, the printable agenda, recording a session,
and commenting on a reflection.

The whole area is closed (403) to anyone without the supervisor role, administrators included:
they act on records only through export and erasure. Inside it, a learner who is not the
supervisor's own current supervisee answers 404, so guessed ids reveal nothing. Every page that
shows a learner's reflections writes one audit entry per learner shown.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from ..authz import load_or_refuse, require
from ..db import db, utcnow
from ..models import Reflection, User
from ..pagination import page_links
from ..services import sources
from ..services import supervision as service
from ..services import supervision_records as records
from ..supervision import cycle, group
from .forms import MAX_COMMENT, CommentForm, SessionForm

bp = Blueprint("supervise", __name__)
# Prompts per phase, and strengths, on the printed agenda: one page for a typical learner.
AGENDA_PER_PHASE = 2
AGENDA_STRENGTHS = 2
AGENDA_CITES = 1  # reflections quoted per prompt (the newest)


@bp.before_request
@login_required
def _supervisors_only() -> None:
    require("area:supervise")


def _summary(person: User) -> service.LearnerSummary:
    content = current_app.config["CONTENT_DIR"]
    vocab = sources.everything(db.session, content)
    return service.learner(
        db.session, person, service.all_rules(db.session, current_app.config), vocab, utcnow()
    )


def _audited(shown: dict[int, list[int]], page: str, template: str, **context) -> str:
    """Render first, then write the audit entry and commit: a commit expires the loaded rows,
    and the page must not reload them one by one (nor be logged if it failed to render)."""
    html = render_template(template, **context)
    service.audit_reads(db.session, current_user, shown, page)
    # The page is rendered and nothing reads the loaded rows again: commit without expiring the
    # thousands of rows a team's history holds (an eighth of the dashboard's time).
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    return html


def _cycle_key() -> str:
    return current_app.config.get("SUPERVISION_CYCLE", "kolb")


@bp.get("/")
def dashboard():
    content = current_app.config["CONTENT_DIR"]
    vocab = sources.everything(db.session, content)
    now = utcnow()
    rows = service.team(
        db.session, current_user, service.all_rules(db.session, current_app.config), vocab, now
    )
    # one row a person: no reflection text here (it is on each person's page), so nothing to log
    return _audited(
        {}, "supervise.dashboard", "supervise/dashboard.html", rows=rows, today=now.date()
    )


@bp.app_template_global()
def reflection_href(reflection: Reflection) -> str:
    """The learner's page at the reflection: on the page of attempts that shows it."""
    page = service.attempts_page(db.session, reflection)
    return url_for(
        "supervise.learner",
        learner_id=reflection.user_id,
        page=page if page > 1 else None,
        _anchor=f"reflection-{reflection.id}",
    )


@bp.get("/learners/<int:learner_id>")
def learner(learner_id: int):
    person = load_or_refuse(User, learner_id, "supervise_learner")
    summary = _summary(person)
    newest = summary.data.attempts[::-1]
    per = service.ATTEMPTS_PER_PAGE
    pages = max(1, -(-len(newest) // per))
    page = min(max(request.args.get("page", 1, type=int), 1), pages)
    shown = newest[(page - 1) * per : page * per]
    # only the reflections on this page are shown, audited and have their comments loaded
    reflections = {r.reflection.id: r.reflection for a in shown for r in a.rows if r.reflection}
    comments = service.comments_on(db.session, reflections)
    return _audited(
        {person.id: list(reflections)},
        "supervise.learner",
        "supervise/learner.html",
        person=person,
        summary=summary,
        attempts=shown,
        first=(page - 1) * per + 1,
        pagination=page_links(
            page,
            pages,
            lambda n: url_for(
                "supervise.learner",
                learner_id=person.id,
                page=n if n > 1 else None,
                _anchor="attempts",
            ),
        ),
        comments=comments,
        vocab=sources.everything(db.session, current_app.config["CONTENT_DIR"]),
        today=utcnow().date(),
    )


@bp.get("/learners/<int:learner_id>/agenda")
def agenda(learner_id: int):
    person = load_or_refuse(User, learner_id, "supervise_learner")
    summary = _summary(person)
    limit = None if request.args.get("all") else AGENDA_PER_PHASE
    groups = group(summary.prompts.prompts, _cycle_key(), limit=limit)
    strengths = summary.prompts.strengths[: AGENDA_STRENGTHS if limit else None]
    cites = AGENDA_CITES if limit else None
    shown = [p for g in groups for p in g.prompts] + list(strengths)
    ids = list(dict.fromkeys(i for p in shown for i in p.reflection_ids[:cites]))
    quotes = summary.data.quotes_for(ids)
    numbered = {rid: n for n, rid in enumerate(ids, 1)}
    return _audited(
        {person.id: ids},
        "supervise.agenda",
        "supervise/agenda.html",
        person=person,
        summary=summary,
        groups=groups,
        strengths=strengths,
        quoted=[(numbered[i], quotes[i]) for i in ids if i in quotes],
        numbered=numbered,
        cites=cites,
        cycle=cycle(_cycle_key()),
        vocab=sources.everything(db.session, current_app.config["CONTENT_DIR"]),
        today=utcnow().date(),
    )


@bp.route("/learners/<int:learner_id>/sessions/new", methods=["GET", "POST"])
def record(learner_id: int):
    person = load_or_refuse(User, learner_id, "supervise_learner")
    summary = _summary(person)
    offered = summary.prompts.by_key()
    form = SessionForm()
    form.today = utcnow().date()
    form.covered.choices = [(key, prompt.text) for key, prompt in offered.items()]
    if not form.is_submitted():
        form.held_on.data = form.today
    elif form.validate():
        actions = [
            records.NewAction(entry.form.text.data.strip(), entry.form.due_on.data)
            for entry in form.actions
            if (entry.form.text.data or "").strip()
        ]
        records.record_session(
            db.session,
            current_user,
            person,
            form.held_on.data,
            form.notes.data or "",
            [offered[key] for key in form.covered.data],
            actions,
        )
        db.session.commit()
        flash(f"Supervision record saved for {person.display_name}.", "success")
        return redirect(url_for("supervise.learner", learner_id=person.id, _anchor="history"))
    return render_template(
        "supervise/record.html",
        person=person,
        summary=summary,
        form=form,
        groups=group(summary.prompts.prompts, _cycle_key()),
        cycle=cycle(_cycle_key()),
    ), 400 if form.errors else 200


@bp.route("/reflections/<int:reflection_id>/comment", methods=["GET", "POST"])
def comment(reflection_id: int):
    reflection = load_or_refuse(Reflection, reflection_id, "comment_reflection")
    person = reflection.learner
    form = CommentForm()
    if form.validate_on_submit():
        records.add_comment(db.session, current_user, reflection, form.text.data)
        db.session.commit()
        flash("Comment saved. The learner will see it beside their reflection.", "success")
        return redirect(reflection_href(reflection))
    comments = service.comments_on(db.session, [reflection.id]).get(reflection.id, [])
    return _audited(
        {person.id: [reflection.id]},
        "supervise.comment",
        "supervise/comment.html",
        person=person,
        reflection=reflection,
        comments=comments,
        form=form,
        max_comment=MAX_COMMENT,
    ), 400 if form.errors else 200


from . import corrections  # noqa: E402, F401 - its routes join this blueprint
