"""Publishing: publish a draft, or ask a second author to approve it; approve or send back with
the diff in view; archive a scenario; the approval setting (admins)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..action_form import ActionForm, confirmed
from ..authz import can, load_or_refuse, require
from ..db import db
from ..models import ApprovalRequest
from ..services import drafts, notices, publishing, settings, trials
from . import bp
from .common import draft_or_404, problem_links, published_or_404, vocab
from .forms import DecisionForm, PublishForm, SettingsForm, TestersForm


@bp.route("/drafts/<int:draft_id>/publish", methods=["GET", "POST"])
def publish(draft_id: int):
    draft = draft_or_404(draft_id)
    ready = publishing.readiness(db.session, draft, vocab())
    form = PublishForm()
    if form.validate_on_submit():
        try:
            version = publishing.publish(
                db.session, current_user, draft, vocab(), bool(form.replace_newer.data)
            )
        except publishing.PublishError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(
                f"Version {version.number} of '{version.title}' is published. Learners who "
                "start it now get this version; attempts already started stay on theirs.",
                "success",
            )
            return redirect(url_for("author.scenario", slug=draft.slug))
    return _publish_page(draft, ready, form, _testers_form())


def _testers_form() -> TestersForm:
    return TestersForm()


def _publish_page(draft, ready, form, testers):
    state = drafts.state(draft, vocab())
    setting = SettingsForm(data={"approval_required": ready.approval_required,
                                 "back": url_for("author.publish", draft_id=draft.id)})  # fmt: skip
    return render_template(
        "author/publish.html",
        state=state,
        ready=ready,
        problems=problem_links(state),
        form=form,
        testers=testers,
        testing=trials.testing_now(db.session, draft.slug),
        setting=setting,
        may_change_setting=can(current_user, "change_authoring_settings"),
        ask=ActionForm(),
        requests=publishing.open_requests(db.session, draft),
    ), (400 if form.errors or testers.errors else 200)


@bp.post("/drafts/<int:draft_id>/publish-to-testers")
def publish_to_testers(draft_id: int):
    draft = draft_or_404(draft_id)
    ready = publishing.readiness(db.session, draft, vocab())
    testers = _testers_form()
    if testers.validate_on_submit():
        try:
            version, people, added = trials.publish_to_testers(
                db.session, current_user, draft, vocab(), testers.testers.data or ""
            )
        except trials.TrialError as error:
            db.session.rollback()
            testers.testers.errors.append(str(error))
        else:
            link = url_for("learn.overview", slug=version.scenario.slug)
            notices.testers_told(db.session, added, current_user, version.title, link)
            db.session.commit()
            names = ", ".join(p.display_name for p in people)
            flash(
                f"Version {version.number} is published to {names} to test. They see it in "
                "their list of scenarios marked 'Test version'; nobody else sees it until you "
                "publish it to everyone.",
                "success",
            )
            return redirect(url_for("author.publish", draft_id=draft_id))
    return _publish_page(draft, ready, PublishForm(formdata=None), testers)


@bp.post("/drafts/<int:draft_id>/request-approval")
def request_approval(draft_id: int):
    draft = draft_or_404(draft_id)
    confirmed()
    try:
        publishing.request_approval(db.session, current_user, draft, vocab())
    except publishing.PublishError as error:
        db.session.rollback()
        flash(str(error), "info")
        return redirect(url_for("author.publish", draft_id=draft_id))
    db.session.commit()
    flash("Approval requested. Another author can now review and publish it.", "success")
    return redirect(url_for("author.draft", draft_id=draft_id))


@bp.route("/approvals/<int:request_id>", methods=["GET", "POST"])
def approval(request_id: int):
    found = load_or_refuse(ApprovalRequest, request_id)
    form = DecisionForm()
    if form.validate_on_submit():
        require("approve_version", found)
        try:
            version = publishing.decide(
                db.session, current_user, found, bool(form.approve.data),
                form.comment.data or "", vocab(),
            )  # fmt: skip
        except publishing.PublishError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            if version is not None:
                flash(f"Approved: version {version.number} is published.", "success")
                return redirect(url_for("author.scenario", slug=found.slug))
            flash("Sent back to the author with your comment.", "success")
            return redirect(url_for("author.index"))
    return render_template(
        "author/approval.html",
        request_=found,
        changes=publishing.request_changes(db.session, found),
        form=form,
        own=found.requested_by_id == current_user.id,
    ), (400 if form.errors else 200)


@bp.post("/scenarios/<slug>/archive")
def archive(slug: str):
    stored = published_or_404(slug)
    confirmed()
    publishing.set_archived(stored, not stored.archived)
    db.session.commit()
    if stored.archived:
        flash("Archived: learners no longer see it in the catalogue. All records are kept, and "
              "attempts already started can still be finished.", "success")  # fmt: skip
    else:
        flash("Back in the catalogue.", "success")
    return redirect(url_for("author.scenario", slug=slug))


@bp.route("/settings", methods=["GET", "POST"])
def authoring_settings():
    require("change_authoring_settings")
    form = SettingsForm(data={"approval_required": settings.approval_required(db.session)})
    if form.validate_on_submit():
        settings.set_approval_required(db.session, bool(form.approval_required.data))
        db.session.commit()
        flash("Authoring settings saved.", "success")
        back = form.back.data or ""
        if back.startswith("/author/") and "//" not in back:  # only back to an authoring page
            return redirect(back)
        return redirect(url_for("author.authoring_settings"))
    return render_template("author/settings.html", form=form)
