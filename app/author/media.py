"""A draft's Media page: upload images (with alt text) and audio (with a transcript) for its
steps, copy the reference to paste into a step, and delete files no step needs. The checks on
the file (its bytes, its size) live in app/authoring/media_files.py; storage in services.media."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import (
    GovFileInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import StringField, SubmitField, TextAreaField

from ..action_form import ActionForm, confirmed
from ..authoring.media_files import MAX_AUDIO_BYTES, MediaFileError
from ..authoring.media_refs import names_in, reference
from ..db import db
from ..services import media as media_files
from . import bp
from .common import draft_or_404


class MediaForm(FlaskForm):
    file = FileField(
        "Choose an image or audio file",
        description="PNG, JPEG, GIF or WebP images up to 2 MB; MP3, OGG or M4A (AAC) audio up to "
        "10 MB. The type is read from the file itself, not its name.",
        widget=GovFileInput(),
        validators=[FileRequired("Choose an image or audio file to upload")],
    )
    alt = StringField(
        "Description (needed for an image)",
        description="What someone who cannot see the picture needs to know, in one sentence, "
        "like 'Muddy work boots by the front door'. For audio, a short title.",
        widget=GovTextInput(),
    )
    transcript = TextAreaField(
        "Transcript (needed for audio)",
        description="Every word spoken, and any sound that matters. Learners can open it under "
        "the player. Leave a blank line between paragraphs.",
        widget=GovTextArea(),
    )
    submit = SubmitField("Upload", widget=GovSubmitInput())


def _allow_audio() -> None:
    """Audio may be larger than any other form: raise the limit for this one page, before the
    CSRF check (an app-wide hook) reads the body."""
    if request.endpoint == "author.media":
        request.max_content_length = MAX_AUDIO_BYTES + 256 * 1024


bp.record_once(
    lambda state: state.app.before_request_funcs.setdefault(None, []).insert(0, _allow_audio)
)


@bp.route("/drafts/<int:draft_id>/media", methods=["GET", "POST"])
def media(draft_id: int):
    draft = draft_or_404(draft_id)
    form = MediaForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            stored = media_files.upload(
                db.session, current_user, draft.slug, upload.filename or "", upload.read(),
                form.alt.data or "", form.transcript.data or "",
            )  # fmt: skip
        except MediaFileError as error:
            db.session.rollback()
            form.file.errors = [*form.file.errors, str(error)]
        else:
            db.session.commit()
            flash(
                f"Uploaded '{stored.name}'. Copy its reference below into a step's text.",
                "success",
            )
            return redirect(url_for("author.media", draft_id=draft_id, _anchor=stored.name))
    files = media_files.for_scenario(db.session, draft.slug)
    used = names_in(draft.text)
    return render_template(
        "author/media.html",
        draft=draft,
        form=form,
        files=files,
        used=used,
        reference=reference,
        action=ActionForm(),
    ), (400 if form.errors else 200)


@bp.post("/drafts/<int:draft_id>/media/<name>/delete")
def delete_media(draft_id: int, name: str):
    draft = draft_or_404(draft_id)
    confirmed()
    stored = media_files.by_name(db.session, name)
    if stored is None or stored.scenario_slug != draft.slug:
        return redirect(url_for("author.media", draft_id=draft_id))
    media_files.delete(db.session, stored)
    db.session.commit()
    flash(f"Deleted '{name}'. Any step that still refers to it is listed as a problem.", "success")
    return redirect(url_for("author.media", draft_id=draft_id))
