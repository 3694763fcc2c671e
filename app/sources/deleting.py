"""Routes that delete a briefing page, or a whole source written in the browser. Either is
refused, naming every place, while a finding, competency, link or scenario still needs it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for

from ..action_form import ActionForm
from ..db import db
from ..services import source_editing as editing
from . import bp
from .forms import PageForm
from .views import _author, _show, _source_or_404


@bp.post("/<slug>/pages/<page_slug>/delete")
def delete_page(slug: str, page_slug: str):
    _author()
    row = _source_or_404(slug)
    found = editing.page(row, page_slug) or abort(404)
    delete_form = ActionForm(prefix="delete")
    if delete_form.validate_on_submit():
        try:
            editing.delete_page(db.session, row, found)
        except editing.SourceError as error:
            db.session.rollback()
            delete_form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(f"Deleted the briefing page '{found.title}'.", "success")
            return redirect(url_for("sources.source", slug=slug, _anchor="page"))
    row = _source_or_404(slug)
    found = editing.page(row, page_slug) or abort(404)
    form = PageForm(obj=found)
    html = render_template(
        "sources/edit_page.html", row=row, page=found, form=form, delete_form=delete_form
    )
    return html, 400


@bp.post("/<slug>/delete")
def delete_source(slug: str):
    _author()
    row = _source_or_404(slug)
    delete_form = ActionForm(prefix="delete-source")
    if delete_form.validate_on_submit():
        try:
            editing.delete_source(db.session, row)
        except editing.SourceError as error:
            db.session.rollback()
            delete_form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(f"Deleted the learning source '{row.title}'.", "success")
            return redirect(url_for("sources.index"))
    return _show(_source_or_404(slug), 400, delete_source=delete_form)
