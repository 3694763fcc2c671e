"""The player: catalogue, one step a page, feedback, ending, and "My learning".

Views stay thin: services.player stores answers and works out the current step; the engine
says what the step is. A form for a step that is no longer current is answered with the current
step and a message, keeping any reflection text it carried.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from .. import data_rights
from ..action_form import confirmed
from ..authz import can, load_or_refuse, require
from ..db import db, utcnow
from ..engine import Answer, NodeKind, StepError
from ..lti import grading as lti_grading
from ..models import AgreedAction, Attempt, StoredScenario
from ..services import (
    assignments,
    exercise_record,
    library,
    notices,
    paths,
    player,
    sources,
    supervision_records,
    trials,
    xapi_queue,
)
from ..services import catalogue as learner_catalogue
from ..services import supervision as supervision_pages
from .forms import ActionDoneForm, ChoiceForm, ReflectionForm, StartForm, StepForm

bp = Blueprint("learn", __name__)


def _playable(slug: str) -> StoredScenario:
    """A scenario in the catalogue (published and not archived), or one this person was given
    to test before everyone."""
    return load_or_refuse(
        StoredScenario,
        slug,
        by=StoredScenario.slug,
        shown=lambda s: library.playable(s) or can(current_user, "test_scenario", s),
    )


def _vocab():
    """Every source's words (the catalogue spans scenarios)."""
    return sources.everything(db.session, current_app.config["CONTENT_DIR"])


def _vocab_of(scenario):
    """The words of the scenario's own sources: its feedback links go to their briefings."""
    return sources.vocabulary_for(db.session, current_app.config["CONTENT_DIR"], scenario)


@bp.before_request
@login_required
def _signed_in() -> None:
    require("area:learn")


@bp.get("/scenarios")
def catalogue():
    entries = learner_catalogue.entries(db.session, current_user, _vocab())
    assigned = assignments.for_learner(db.session, current_user, utcnow().date())
    return render_template("learn/catalogue.html", entries=entries, assigned=assigned)


@bp.get("/scenarios/<slug>")
def overview(slug: str):
    stored = _playable(slug)
    testing = trials.test_version(db.session, current_user, stored)
    scenario = library.parsed(testing or stored.current_version)
    attempt = player.open_attempt(db.session, current_user, stored)
    return render_template(
        "learn/overview.html",
        stored=stored,
        testing=testing,
        scenario=scenario,
        attempt=attempt,
        finished=player.last_completed(db.session, current_user, stored),
        form=StartForm(),
        vocab=_vocab_of(scenario),
    )


@bp.post("/scenarios/<slug>/start")
def start(slug: str):
    stored = _playable(slug)
    confirmed(StartForm())
    testing = trials.test_version(db.session, current_user, stored)
    attempt = player.start_attempt(db.session, current_user, stored, testing)
    db.session.commit()
    return redirect(url_for("learn.play", attempt_id=attempt.id))


def _form_for(play: player.Play, data=None):
    node = play.position.node
    step = play.position.step_number
    if node.kind == NodeKind.CHOICE:
        form = ChoiceForm(formdata=data, step=step)
        form.option.choices = [(o.index, o.text) for o in play.current_options()]
        return form
    if node.kind == NodeKind.REFLECTION:
        form = ReflectionForm(formdata=data, step=step)
        if data is None:
            form.reflection.data = player.draft_for(db.session, play.attempt, step) or ""
        return form
    return StepForm(formdata=data, step=step)


def _render_step(play: player.Play, form=None, status: int = 200, notice: str | None = None):
    if play.position.finished:
        return redirect(url_for("learn.ending", attempt_id=play.attempt.id))
    form = form or _form_for(play)
    form.step.data = play.position.step_number
    return render_template(
        "learn/step.html", play=play, node=play.position.node, form=form, notice=notice
    ), status


@bp.get("/attempts/<int:attempt_id>")
def play(attempt_id: int):
    attempt = load_or_refuse(Attempt, attempt_id, "view_attempt", options=player.PLAY_LOAD)
    if attempt.user_id != current_user.id:
        return redirect(url_for("learn.ending", attempt_id=attempt.id))
    return _render_step(player.load_play(attempt))


STALE = (
    "You had already answered that step, and answers cannot be changed once they are sent "
    "(perhaps you used the back button, another tab or clicked twice). Your first answer "
    "stands and nothing was saved twice. This is the step you are on now."
)


def stale_response(play: player.Play, reflection_text: str | None, notice: str = STALE):
    """The current step with a message; any reflection text carried is shown back."""
    if play.position.finished:
        flash(notice, "info")
        return redirect(url_for("learn.ending", attempt_id=play.attempt.id))
    form = _form_for(play)
    kept = None
    if reflection_text and isinstance(form, ReflectionForm):
        form.reflection.data = reflection_text
        notice += " Your reflection is in the box below: check it and save it."
    elif reflection_text:
        kept = reflection_text
        notice += " The text you sent is shown below so that nothing is lost."
    form.step.data = play.position.step_number
    return render_template(
        "learn/step.html",
        play=play,
        node=play.position.node,
        form=form,
        notice=notice,
        kept_text=kept,
    ), 409


EXPIRED = "This form had expired, so nothing was saved."


@bp.post("/attempts/<int:attempt_id>")
def answer(attempt_id: int):
    attempt = load_or_refuse(Attempt, attempt_id, "answer_attempt", options=player.PLAY_LOAD)
    play = player.load_play(attempt)
    posted_step = request.form.get("step", "")
    text = request.form.get("reflection")
    if play.position.finished or posted_step != str(play.position.step_number):
        return stale_response(play, text)
    form = _form_for(play, request.form)
    if not form.validate():
        return _render_step(play, form, status=400)
    node = play.position.node
    if node.kind == NodeKind.CHOICE:
        given = Answer.choose(form.option.data)
    elif node.kind == NodeKind.REFLECTION:
        skip = node.optional and bool(request.form.get("skip"))
        if not skip and not (form.reflection.data or "").strip():
            form.reflection.errors = [
                "Write your reflection, or choose 'Skip this reflection'"
                if node.optional
                else "Write your reflection before you go on."
            ]
            return _render_step(play, form, status=400)
        given = Answer.reflect(None if skip else form.reflection.data)
    else:
        given = Answer.continue_()
    try:
        after = player.submit(db.session, attempt, play.position.step_number, given)
    except player.StaleStep:
        db.session.rollback()
        return stale_response(player.load_play(attempt), text)
    except StepError as problem:
        db.session.rollback()
        target = (
            form.reflection if node.kind == NodeKind.REFLECTION else getattr(form, "option", None)
        )
        if target is not None:
            target.errors = [problem.message]
        return _render_step(play, form, status=400)
    if node.kind == NodeKind.REFLECTION:  # only a reflection step keeps a draft
        player.drop_draft(db.session, attempt, play.position.step_number)
    # Statements are queued when a record store is set (read with the signed-in user's row).
    xapi_queue.after_attempt_change(db.session, after.attempt, current_user.xapi_store_set)
    db.session.commit()  # expires `attempt`: below, the route's attempt_id is used
    if after.position.finished:
        lti_grading.after_completion(attempt)  # scores owed to a learning platform, if any
    if node.kind == NodeKind.CHOICE:
        return redirect(
            url_for("learn.feedback", attempt_id=attempt_id, number=play.position.step_number)
        )
    if after.position.finished:
        return redirect(url_for("learn.ending", attempt_id=attempt_id))
    return redirect(url_for("learn.play", attempt_id=attempt_id))


@bp.get("/attempts/<int:attempt_id>/feedback/<int:number>")
def feedback(attempt_id: int, number: int):
    attempt = load_or_refuse(Attempt, attempt_id, "view_attempt", options=player.PLAY_LOAD)
    play = player.load_play(attempt)
    if number >= len(play.position.path) or play.position.path[number].option is None:
        abort(404)
    step = play.position.path[number]
    vocab = _vocab_of(play.scenario)  # once: the sources cost four queries
    return render_template(
        "learn/feedback.html",
        play=play,
        step=step,
        vocab=vocab,
        competencies=vocab.known(step.option.scores),
    )


@bp.get("/attempts/<int:attempt_id>/ending")
def ending(attempt_id: int):
    attempt = load_or_refuse(Attempt, attempt_id, "view_attempt", options=player.PLAY_LOAD)
    play = player.load_play(attempt)
    if not play.position.finished:
        return redirect(url_for("learn.play", attempt_id=attempt.id))
    shown = [s.reflection.id for s in attempt.answers if s.reflection]
    supervision_pages.audit_reads(
        db.session, current_user, {attempt.user_id: shown}, "learn.ending"
    )
    db.session.commit()
    return render_template(
        "learn/ending.html",
        play=play,
        node=play.position.node,
        path_rows=paths.path_rows(play),
        vocab=_vocab_of(play.scenario),
        profile=play.profile,
        is_owner=attempt.user_id == current_user.id,
    )


@bp.get("/my-learning")
def my_learning():
    attempts = player.attempts_of(db.session, current_user)
    reflections = player.reflections_of(db.session, current_user)
    own = supervision_records.own(db.session, current_user, [r.id for r in reflections])
    html = render_template(
        "learn/my_learning.html",
        attempts=attempts,
        reflections=reflections,
        supervision=own,
        today=utcnow().date(),
        exercise_rows=exercise_record.my_record(db.session, current_user.id),
        assigned=assignments.for_learner(db.session, current_user, utcnow().date()),
    )
    # after rendering (the commit expires the rows): the supervision notices have been seen
    notices.read_all(db.session, current_user, notices.SUPERVISION, utcnow())
    db.session.commit()
    return html


@bp.get("/my-learning/my-data.json")
def my_data():
    """Everything held about the signed-in person, as JSON: only their own."""
    return data_rights.download(db.session, current_user, current_user)


@bp.post("/my-learning/actions/<int:action_id>")
def action_done(action_id: int):
    """The learner marks an agreed action done (or not done after all)."""
    action = load_or_refuse(AgreedAction, action_id, "complete_action")
    form = confirmed(ActionDoneForm())
    supervision_records.set_done(action, form.done.data == "1")
    db.session.commit()
    flash("Action marked as done." if action.done_at else "Action marked as not done.", "success")
    return redirect(url_for("learn.my_learning", _anchor="actions"))


def csrf_failed(error):
    """An expired or missing CSRF token. On a step with reflection text, keep the text."""
    from ..auth.loader import unauthorised
    from ..author.autosave import resend_page

    text = request.form.get("reflection")
    kept = resend_page(current_user.is_authenticated)  # an author's typing is kept too
    if kept is not None:
        return kept
    if not current_user.is_authenticated:
        return unauthorised() if text else (render_template("errors/csrf.html"), 400)
    if request.endpoint == "learn.answer" and request.view_args:
        attempt = db.session.get(Attempt, request.view_args["attempt_id"])
        if attempt is not None and can(current_user, "answer_attempt", attempt):
            return stale_response(player.load_play(attempt), text, EXPIRED)
    return render_template("errors/csrf.html"), 400


from . import certificates as _certificates  # noqa: E402,F401 - routes on this blueprint
from . import cpd as _cpd  # noqa: E402,F401 - routes on this blueprint
