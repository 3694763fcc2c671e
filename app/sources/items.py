"""Routes that change or delete a finding, competency or tag of a source written in the browser.
Its id (a finding's number, a competency's or tag's id) stays fixed: scenarios and supervision
rules name it. Deleting what a scenario still uses is refused, naming the scenario and step."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for

from ..action_form import ActionForm
from ..db import db
from ..services import source_editing as editing
from . import bp
from .forms import CompetencyForm, FindingForm, TagForm
from .views import _author, _page_choices, _source_or_404

FORMS = {"finding": FindingForm, "competency": CompetencyForm, "tag": TagForm}
NAMES = {"finding": "finding", "competency": "competency", "tag": "tag"}


def _found(slug: str, kind: str, key: str):
    _author()
    if kind not in FORMS:
        abort(404)
    row = _source_or_404(slug)
    found = editing.item(row, kind, key)
    if found is None:
        abort(404)
    return row, found


def _form(row, kind: str, found, posted: bool):
    form = FORMS[kind]() if posted else FORMS[kind](obj=found)
    if kind == "finding":
        form.number.data = found.number  # fixed: competencies and links use it
        form.page.choices = _page_choices(row)
    else:
        form.key.data = found.key  # fixed: scenarios and rules name it
        if kind == "competency":
            form.briefing.choices = _page_choices(row)
    return form


def _show(row, kind: str, found, form, delete_form=None, status: int = 200):
    html = render_template(
        "sources/edit_item.html", row=row, kind=kind, item=found, form=form,
        delete_form=delete_form or ActionForm(prefix="delete"), key=_key(kind, found),
    )  # fmt: skip
    return html, status


def _key(kind: str, found) -> str:
    return str(found.number if kind == "finding" else found.key)


@bp.get("/<slug>/items/<kind>/<key>")
def edit_item(slug: str, kind: str, key: str):
    row, found = _found(slug, kind, key)
    form = _form(row, kind, found, posted=False)
    return _show(row, kind, found, form)


@bp.post("/<slug>/items/<kind>/<key>/save")
def save_item(slug: str, kind: str, key: str):
    row, found = _found(slug, kind, key)
    form = _form(row, kind, found, posted=True)
    if not form.validate_on_submit():
        return _show(row, kind, found, form, status=400)
    try:
        if kind == "finding":
            editing.edit_finding(row, found, form.title.data, form.page.data or "")
        elif kind == "competency":
            editing.edit_competency(row, found, form.name.data, form.findings.data or "",
                                    form.briefing.data or "", form.good.data or "")  # fmt: skip
        else:
            editing.edit_tag(row, found, form.label.data)
    except editing.SourceError as error:
        db.session.rollback()
        getattr(form, error.field).errors.append(str(error))
        row, found = _found(slug, kind, key)
        return _show(row, kind, found, form, status=400)
    db.session.commit()
    flash(f"Saved the {NAMES[kind]}.", "success")
    return redirect(url_for("sources.source", slug=slug, _anchor=kind))


@bp.post("/<slug>/items/<kind>/<key>/delete")
def delete_item(slug: str, kind: str, key: str):
    row, found = _found(slug, kind, key)
    delete_form = ActionForm(prefix="delete")
    if delete_form.validate_on_submit():
        try:
            editing.delete_item(db.session, row, kind, found)
        except editing.SourceError as error:
            db.session.rollback()
            delete_form.form_errors.append(str(error))
            row, found = _found(slug, kind, key)
            form = _form(row, kind, found, posted=False)
            return _show(row, kind, found, form, delete_form, 400)
        db.session.commit()
        flash(f"Deleted the {NAMES[kind]} '{key}'.", "success")
        return redirect(url_for("sources.source", slug=slug, _anchor=kind))
    return _show(row, kind, found, _form(row, kind, found, posted=False), delete_form, 400)
