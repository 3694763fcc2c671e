"""A learning source's own supervision rules, written on the source's page: add one (with a
preview of the wording as a supervisor will read it), change one (its id stays) or delete one."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for

from ..action_form import confirmed
from ..db import db
from ..models import SourceRule
from ..services import source_rules, sources
from . import bp
from .forms import RuleForm
from .views import _author, _show, _source_or_404


def _rule(form: RuleForm) -> SourceRule:
    return SourceRule(
        key=form.key.data, kind=form.kind.data, pattern=form.pattern.data, tag=form.tag.data,
        scenarios=form.scenarios.data, stage=form.stage.data, prompt=form.prompt.data or "",
        attention=(form.attention.data or "") if form.kind.data == "concern" else "",
    )  # fmt: skip


def _refused(row, form: RuleForm, rule: SourceRule, new: bool) -> bool:
    """Put what is wrong beside its field; True when the rule cannot be saved as typed."""
    if rule.tag not in {t.key for t in row.tags}:
        form.tag.errors.append("Choose one of this source's tags")
        return True
    if new and any(r.key == rule.key for r in row.rules):
        form.key.errors.append(f"This source already has a rule called '{rule.key}'")
        return True
    vocab = sources.everything(db.session, current_app.config["CONTENT_DIR"])
    problems = source_rules.check(rule, vocab)
    for problem in problems:
        field = form.attention if "attention" in problem.message else form.prompt
        field.errors.append(problem.message)
    return bool(problems)


def _posted(row, key: str | None = None) -> tuple[RuleForm, SourceRule | None]:
    form = RuleForm(prefix="rule")
    form.tag.choices = [(t.key, t.label) for t in row.tags]
    if key is not None:
        form.key.data = key  # fixed once made: the supervisor's records of covered prompts use it
    if not form.validate_on_submit():
        return form, None
    rule = _rule(form)
    return form, (None if _refused(row, form, rule, new=key is None) else rule)


@bp.post("/<slug>/rules")
def add_rule(slug: str):
    _author()
    row = _source_or_404(slug)
    form, rule = _posted(row)
    if rule is None:
        return _show(row, 400, rule=form)
    if form.preview.data:  # nothing stored: the author reads the wording first
        return _show(row, 200, preview=source_rules.example(rule, row), rule=form)
    row.rules.append(rule)
    db.session.commit()
    flash(f"Added the rule '{rule.key}'. Supervisors of learners who play a scenario naming "
          "this source will be asked it when it holds.", "success")  # fmt: skip
    return redirect(url_for("sources.source", slug=slug, _anchor="rule"))


def _edit_page(row, found: SourceRule, form: RuleForm, preview=None, status: int = 200):
    html = render_template("sources/edit_rule.html", row=row, rule=found, form=form,
                           preview=preview)  # fmt: skip
    return html, status


def _found(slug: str, key: str):
    _author()
    row = _source_or_404(slug)
    return row, next((r for r in row.rules if r.key == key), None) or abort(404)


@bp.get("/<slug>/rules/<key>")
def edit_rule(slug: str, key: str):
    row, found = _found(slug, key)
    form = RuleForm(obj=found, prefix="rule")
    form.tag.choices = [(t.key, t.label) for t in row.tags]
    return _edit_page(row, found, form, source_rules.example(found, row))


@bp.post("/<slug>/rules/<key>")
def save_rule(slug: str, key: str):
    row, found = _found(slug, key)
    form, rule = _posted(row, key)
    if rule is None:
        return _edit_page(row, found, form, status=400)
    if form.preview.data:
        return _edit_page(row, found, form, source_rules.example(rule, row))
    for name in ("kind", "pattern", "tag", "scenarios", "stage", "prompt", "attention"):
        setattr(found, name, getattr(rule, name))
    db.session.commit()
    flash(f"Saved the rule '{key}'.", "success")
    return redirect(url_for("sources.source", slug=slug, _anchor="rule"))


@bp.post("/<slug>/rules/<key>/delete")
def delete_rule(slug: str, key: str):
    row, found = _found(slug, key)
    confirmed()
    row.rules.remove(found)
    db.session.commit()
    flash(f"Deleted the rule '{key}'.", "success")
    return redirect(url_for("sources.source", slug=slug, _anchor="rule"))
