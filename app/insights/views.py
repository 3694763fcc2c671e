"""The insights pages. Each reads the filters from the query string (GET forms: nothing
changes), and `?download=<table>` sends that page's table as CSV with the same numbers."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from ..authoring.layout import layout
from ..authoring.svg import render_svg
from ..charts import Bar, bar_chart
from ..csv_safe import csv_response
from ..db import db
from ..models import Agency, ScenarioVersion, StoredScenario
from ..services import insights, insights_choices, library, sources
from ..services.insights_query import BY, Window
from . import bp
from .tables import choice_table, ending_table, misconception_table, row_table


def _date(name: str, errors: dict) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = "Enter a real date, for example 2026-09-01"
        return None


def _window(errors: dict) -> Window:
    by = request.args.get("by", "partnership")
    start, end = _date("from", errors), _date("to", errors)
    if start and end and start > end:
        errors["to"] = "The end date must be on or after the start date"
        end = None
    return Window(start, end, by if by in BY else "partnership")


def _page(template: str, tables: dict, **context):
    wanted = request.args.get("download")
    if wanted:
        if wanted not in tables:
            abort(404)
        header, rows = tables[wanted]
        return csv_response(f"{wanted}.csv", header, rows)
    return render_template(
        template,
        tables=tables,
        args=request.args,
        suppressed_note=insights.SUPPRESSED,
        erased_note=insights.ERASED_NOTE,
        min_learners=insights.MIN_LEARNERS,
        download_url=_download_url,
        **context,
    )


def _download_url(name: str) -> str:
    values = {**request.args.to_dict(), **(request.view_args or {}), "download": name}
    return url_for(request.endpoint, **values)


def _rate_chart(title: str, rows: list[insights.Row]) -> Markup:
    bars = [
        Bar(
            f"{r.activity} – {r.group}" if r.group != "Whole partnership" else r.activity,
            (None if r.suppressed else (r.rate or 0),),
            ("" if r.suppressed else f"{r.rate or 0}% of {r.starts} starts",),
        )
        for r in rows
    ]
    return Markup(bar_chart(title, bars))  # noqa: S704 - built from escaped parts in app.charts


@bp.get("/")
def index():
    errors: dict = {}
    win = _window(errors)
    scenarios = insights.scenario_rows(db.session, win)
    exercises = insights.exercise_rows(db.session, win)
    stored = {s.current_version.title: s.slug for s in library.catalogue(db.session)}
    return _page(
        "insights/index.html",
        {"scenarios": row_table(scenarios), "exercises": row_table(exercises)},
        errors=errors,
        win=win,
        scenarios=scenarios,
        exercises=exercises,
        slugs=stored,
        scenario_chart=_rate_chart("Completion rate per scenario", scenarios),
        exercise_chart=_rate_chart("Completion rate per exercise", exercises),
    )


def _stored(slug: str) -> StoredScenario:
    found = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == slug))
    if found is None or found.current_version is None:
        abort(404)
    return found


@bp.get("/scenarios/<slug>")
def scenario(slug: str):
    stored = _stored(slug)
    errors: dict = {}
    win = _window(errors)
    title = stored.current_version.title
    rows = [r for r in insights.scenario_rows(db.session, win, stored.id) if r.activity == title]
    ends = insights.endings(db.session, win, stored.id)
    whole = insights.endings(db.session, Window(win.start, win.end), stored.id)
    shares = whole.rows[0][2] if whole.rows else []
    bars = [
        Bar(label, (share,), ("" if share is None else f"{share}%",))
        for label, share in zip(whole.endings, shares, strict=True)
    ]
    chart = bar_chart(f"Share of each ending, whole partnership: {title}", bars)
    return _page(
        "insights/scenario.html",
        {"activity": row_table(rows), "endings": ending_table(ends)},
        errors=errors,
        win=win,
        stored=stored,
        title=title,
        rows=rows,
        ends=ends,
        chart=Markup(chart),  # noqa: S704 - built from escaped parts in app.charts
    )


@bp.get("/scenarios/<slug>/choices")
def choices(slug: str):
    stored = _stored(slug)
    errors: dict = {}
    win = _window(errors)
    version = stored.current_version
    number = request.args.get("version", type=int)
    if number and number != version.number:
        version = db.session.scalar(
            select(ScenarioVersion).where(
                ScenarioVersion.scenario_id == stored.id, ScenarioVersion.number == number
            )
        ) or abort(404)
    agencies = list(db.session.scalars(select(Agency).order_by(Agency.name)))
    agency_id = request.args.get("agency", type=int)
    if agency_id not in {a.id for a in agencies}:
        agency_id = None
    shares = insights_choices.choice_shares(db.session, win, version, agency_id)
    scenario = library.parsed(version)
    svg = render_svg(
        scenario,
        layout(scenario),
        {},
        lambda node_id: f"#choice-{node_id}",
        title=f"Share of each option: {version.title}",
        shares=shares.map_weights(),
    )
    versions = db.session.scalars(
        select(ScenarioVersion.number)
        .where(ScenarioVersion.scenario_id == stored.id)
        .order_by(ScenarioVersion.number)
    ).all()
    return _page(
        "insights/choices.html",
        {"choices": choice_table(shares)},
        errors=errors,
        win=win,
        stored=stored,
        version=version,
        versions=versions,
        agencies=agencies,
        agency_id=agency_id,
        shares=shares,
        svg=Markup(svg),  # noqa: S704 - built from escaped parts in app.authoring.svg
    )


@bp.get("/misconceptions")
def misconceptions():
    errors: dict = {}
    win = _window(errors)
    pivot = _date("pivot", errors)
    found = sources.source_set(db.session, current_app.config["CONTENT_DIR"])
    rows = insights_choices.misconceptions(db.session, win, found, pivot)
    sentences = insights_choices.standouts(rows)
    whole = {r.theme.key: r for r in rows}.values()  # one row a theme: the partnership's figures
    series = [f"Before {pivot:%-d %b %Y}", f"From {pivot:%-d %b %Y}"] if pivot else [""]
    bars = [
        Bar(r.theme.label, tuple(c.rate for c in r.partnership),
            tuple("" if c.rate is None else f"{c.rate}% of {c.answers}" for c in r.partnership))
        for r in whole
    ]  # fmt: skip
    chart = bar_chart("Weak answers across the whole partnership (%)", bars, series)
    return _page(
        "insights/misconceptions.html",
        {"misconceptions": misconception_table(rows, pivot)},
        errors=errors,
        win=win,
        pivot=pivot,
        rows=rows,
        sentences=sentences,
        chart=Markup(chart),  # noqa: S704 - built from escaped parts in app.charts
    )
