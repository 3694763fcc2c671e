"""Routes: /sources/ for authors and administrators to manage learning sources; a source's
briefing pages at /sources/<id>/pages/<page> for every signed-in person (learners are sent there)."""

from __future__ import annotations

import re

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from ..action_form import ActionForm
from ..authz import require
from ..db import db
from ..models import LearningSource
from ..services import source_editing as editing
from ..services import source_rules, sources
from . import bp
from .forms import CompetencyForm, FindingForm, PageForm, RuleForm, SourceForm, TagForm

BACK = re.compile(r"^/attempts/\d+(/feedback/\d+|/ending)?$")


def _content() -> str:
    return current_app.config["CONTENT_DIR"]


def _author() -> None:
    require("area:author")


def _source_or_404(slug: str) -> LearningSource:
    row = editing.by_slug(db.session, slug)
    if row is None:
        abort(404)
    return row


def _page_choices(row: LearningSource) -> list[tuple[str, str]]:
    return [("", "No briefing page yet")] + [(p.slug, p.title) for p in row.pages]


def _refused(form, error: editing.SourceError) -> None:
    db.session.rollback()
    getattr(form, error.field).errors.append(str(error))


@bp.before_request
@login_required
def _signed_in() -> None:
    require("area:learn")


@bp.get("/")
def index():
    _author()
    shipped = sources.shipped(_content())
    rows = _listed(db.session)
    return render_template(
        "sources/index.html", shipped=shipped, rows=rows, form=SourceForm(formdata=None)
    )


def _listed(session) -> list[LearningSource]:
    """Every source written in the browser, with what the list counts, in one query each."""
    return session.scalars(
        db.select(LearningSource)
        .order_by(LearningSource.title)
        .options(*(selectinload(getattr(LearningSource, name)) for name in COUNTED))
    ).all()


COUNTED = ("findings", "competencies", "pages")


@bp.post("/")
def create():
    _author()
    form = SourceForm()
    if form.validate_on_submit():
        try:
            row = editing.create(db.session, _content(), form.slug.data, form.title.data,
                                 form.kind.data, form.summary.data or "")  # fmt: skip
        except editing.SourceError as error:
            _refused(form, error)
        else:
            db.session.commit()
            flash(f"Added the source '{row.title}'. Now add its findings and briefings.", "success")
            return redirect(url_for("sources.source", slug=row.slug))
    shipped = sources.shipped(_content())
    rows = _listed(db.session)
    return render_template("sources/index.html", shipped=shipped, rows=rows, form=form), 400


def _forms(row: LearningSource, **given):
    forms = {
        # one prefix a form, so no two fields on the page share an id
        "details": SourceForm(formdata=None, obj=row, prefix="details"),
        "finding": FindingForm(formdata=None, prefix="finding"),
        "competency": CompetencyForm(formdata=None, prefix="competency"),
        "tag": TagForm(formdata=None, prefix="tag"),
        "page": PageForm(formdata=None, prefix="page"),
        "rule": RuleForm(formdata=None, prefix="rule"),
        "delete_source": ActionForm(formdata=None, prefix="delete-source"),
    }
    forms.update(given)
    forms["rule"].tag.choices = [("", "Choose a tag")] + [(t.key, t.label) for t in row.tags]
    forms["finding"].page.choices = _page_choices(row)
    forms["competency"].briefing.choices = _page_choices(row)
    return forms


def _show(row: LearningSource, status: int = 200, preview=None, **given):
    html = render_template(
        "sources/source.html", row=row, forms=_forms(row, **given), preview=preview,
        examples={r.key: source_rules.example(r, row) for r in row.rules},
    )  # fmt: skip
    return html, status


@bp.get("/<slug>")
def source(slug: str):
    _author()
    shipped = sources.shipped(_content())
    if slug in shipped.sources:  # read-only here: its files are the record of what ships
        return render_template("sources/shipped.html", source=shipped.sources[slug],
                               default=slug == shipped.default)  # fmt: skip
    return _show(_source_or_404(slug))


@bp.post("/<slug>")
def update(slug: str):
    _author()
    row = _source_or_404(slug)
    form = SourceForm(prefix="details")
    form.slug.data = row.slug  # the id never changes: scenarios name it
    if not form.validate_on_submit():
        return _show(row, 400, details=form)
    editing.update(row, form.title.data, form.kind.data, form.summary.data or "")
    db.session.commit()
    flash("Saved the source's details.", "success")
    return redirect(url_for("sources.source", slug=slug))


def _add(slug: str, name: str, form_class, change, what: str):
    _author()
    row = _source_or_404(slug)
    form = form_class(prefix=name)
    if name in ("finding", "competency"):
        getattr(form, "page" if name == "finding" else "briefing").choices = _page_choices(row)
    if not form.validate_on_submit():
        return _show(row, 400, **{name: form})
    try:
        change(row, form)
    except editing.SourceError as error:
        _refused(form, error)
        return _show(_source_or_404(slug), 400, **{name: form})
    db.session.commit()
    flash(f"Added {what}.", "success")
    return redirect(url_for("sources.source", slug=slug, _anchor=name))


@bp.post("/<slug>/findings")
def add_finding(slug: str):
    return _add(slug, "finding", FindingForm, lambda row, f: editing.add_finding(
        row, f.number.data, f.title.data, f.page.data or ""), "the finding")  # fmt: skip


@bp.post("/<slug>/competencies")
def add_competency(slug: str):
    return _add(slug, "competency", CompetencyForm, lambda row, f: editing.add_competency(
        db.session, _content(), row, f.key.data, f.name.data, f.findings.data or "",
        f.briefing.data or "", f.good.data or ""), "the competency")  # fmt: skip


@bp.post("/<slug>/tags")
def add_tag(slug: str):
    return _add(slug, "tag", TagForm, lambda row, f: editing.add_tag(
        row, f.key.data, f.label.data), "the tag")  # fmt: skip


@bp.post("/<slug>/pages")
def add_page(slug: str):
    return _add(slug, "page", PageForm, lambda row, f: editing.save_page(
        row, f.slug.data, f.title.data, f.body.data or "", new=True), "the briefing page")  # fmt: skip


@bp.route("/<slug>/pages/<page_slug>/edit", methods=["GET", "POST"])
def edit_page(slug: str, page_slug: str):
    _author()
    row = _source_or_404(slug)
    found = editing.page(row, page_slug) or abort(404)
    form = PageForm(obj=found) if request.method == "GET" else PageForm()
    form.slug.data = found.slug
    if form.validate_on_submit():
        editing.save_page(row, found.slug, form.title.data, form.body.data or "", new=False)
        db.session.commit()
        flash("Saved the briefing page.", "success")
        return redirect(url_for("sources.page", slug=slug, page_slug=found.slug))
    status = 400 if form.errors else 200
    delete_form = ActionForm(formdata=None, prefix="delete")
    html = render_template(
        "sources/edit_page.html", row=row, page=found, form=form, delete_form=delete_form
    )
    return html, status


@bp.get("/<slug>/pages/<page_slug>")
def page(slug: str, page_slug: str):
    """A briefing, for anyone signed in: feedback and profiles link here."""
    row = _source_or_404(slug)
    found = editing.page(row, page_slug) or abort(404)
    back = request.args.get("back", "")
    back = back if BACK.match(back) else None  # only back into the player, never elsewhere
    can_edit = current_user.is_authenticated and _may_author()
    return render_template("sources/page.html", row=row, page=found, back=back, can_edit=can_edit)


def _may_author() -> bool:
    from ..authz import can

    return can(current_user, "area:author")


@bp.get("/<slug>/about")
def about(slug: str):
    """A source's findings and briefing pages, for anyone signed in."""
    row = _source_or_404(slug)
    return render_template("sources/about.html", row=row)
