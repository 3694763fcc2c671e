"""A learning source's own supervision rules, written on the source's page: add one (with a
preview of the wording as a supervisor will read it) or delete one."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, url_for

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


@bp.post("/<slug>/rules")
def add_rule(slug: str):
    _author()
    row = _source_or_404(slug)
    form = RuleForm(prefix="rule")
    form.tag.choices = [(t.key, t.label) for t in row.tags]
    if not form.validate_on_submit():
        return _show(row, 400, rule=form)
    rule = _rule(form)
    if rule.tag not in {t.key for t in row.tags}:
        form.tag.errors.append("Choose one of this source's tags")
        return _show(row, 400, rule=form)
    if any(r.key == rule.key for r in row.rules):
        form.key.errors.append(f"This source already has a rule called '{rule.key}'")
        return _show(row, 400, rule=form)
    vocab = sources.everything(db.session, current_app.config["CONTENT_DIR"])
    problems = source_rules.check(rule, vocab)
    if problems:
        field = "attention" if any("attention" in str(p) for p in problems) else "prompt"
        for problem in problems:
            getattr(form, field).errors.append(problem.message)
        return _show(row, 400, rule=form)
    if form.preview.data:  # nothing stored: the author reads the wording first
        return _show(row, 200, preview=source_rules.example(rule, row), rule=form)
    row.rules.append(rule)
    db.session.commit()
    flash(f"Added the rule '{rule.key}'. Supervisors of learners who play a scenario naming "
          "this source will be asked it when it holds.", "success")  # fmt: skip
    return redirect(url_for("sources.source", slug=slug, _anchor="rule"))


@bp.post("/<slug>/rules/<key>/delete")
def delete_rule(slug: str, key: str):
    _author()
    row = _source_or_404(slug)
    found = next((r for r in row.rules if r.key == key), None) or abort(404)
    confirmed()
    row.rules.remove(found)
    db.session.commit()
    flash(f"Deleted the rule '{key}'.", "success")
    return redirect(url_for("sources.source", slug=slug, _anchor="rule"))
