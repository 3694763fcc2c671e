"""Partnership insights: what an author sees, what is suppressed, the CSV twins, who may look,
and that the number of queries does not grow with the data."""

from __future__ import annotations

import csv
import io

from sqlalchemy import event, update

from app.db import db
from app.models import Attempt

from .insights_world import add_learners, populate
from .supervision_world import play

PAGES = [
    "/insights/",
    "/insights/?by=agency",
    "/insights/?by=team",
    "/insights/scenarios/short-visit?by=agency",
    "/insights/scenarios/short-visit/choices",
    "/insights/misconceptions",
]
CSVS = [
    "/insights/?by=agency&download=scenarios",
    "/insights/?by=team&download=scenarios",
    "/insights/?by=agency&download=exercises",
    "/insights/scenarios/short-visit?by=agency&download=activity",
    "/insights/scenarios/short-visit?by=agency&download=endings",
    "/insights/misconceptions?download=misconceptions",
    "/insights/scenarios/short-visit/choices?agency={school}&download=choices",
]


LABELS = ("Activity", "Group", "Agency", "Finding or competency")


def _csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_an_author_sees_starts_completions_and_time_per_scenario(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    page = browser.get("/insights/")
    assert page.status_code == 200
    assert "A short visit" in page.text and "<svg" in page.text
    rows = _csv(browser.get("/insights/?download=scenarios"))
    whole = next(r for r in rows if r["Activity"] == "A short visit")
    assert whole["Learners"] == "8" and whole["Starts"] == "8" and whole["Completions"] == "8"
    assert whole["Completion rate (%)"] == "100"
    assert float(whole["Median time (minutes)"]) > 0


def test_a_group_under_five_learners_is_suppressed_in_pages_and_csv(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    for url in CSVS:
        rows = _csv(browser.get(url.format(school=partnership.school_id)))
        if "agency={school}" in url:  # the school's own view: every share is withheld
            assert rows and all("suppressed" in r["Share of answers (%)"] for r in rows)
        school = [r for r in rows if "School" in " ".join(r.values())]
        for row in school:  # two learners: every figure is withheld, with the reason
            figures = [v for k, v in row.items() if k not in LABELS and "Partnership" not in k]
            assert all("fewer than 5" in v for v in figures if v), (url, row)
    for url in PAGES:
        page = browser.get(url)
        assert page.status_code == 200, url
        assert "fewer than 5 learners" in page.text, url
        for person in partnership.learners:  # no one is named
            assert person.display_name not in page.text and person.email not in page.text
        assert "A note." not in page.text  # no free text


def test_the_agency_rows_show_once_five_learners_are_there(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    rows = _csv(browser.get("/insights/?by=agency&download=scenarios"))
    recovery = next(r for r in rows if r["Group"] == "Brackenford Recovery")
    assert recovery["Learners"] == "6" and recovery["Completions"] == "6"
    school = next(r for r in rows if r["Group"] == "Brackenford School")
    assert school["Learners"] == "fewer than 5" and "suppressed" in school["Starts"]


def test_endings_and_choice_shares_match_what_was_played(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    rows = _csv(browser.get("/insights/scenarios/short-visit?download=endings"))
    (whole,) = rows
    assert whole["You saw only her account (%)"] == "62"  # 5 of 8
    assert whole["You saw the whole picture (%)"] == "38"
    choices = _csv(browser.get("/insights/scenarios/short-visit/choices?download=choices"))
    took_word = next(r for r in choices if r["Option"] == "Take her word for it.")
    assert took_word["Answers"] == "5" and took_word["Share of answers (%)"] == "62"
    page = browser.get("/insights/scenarios/short-visit/choices")
    assert "62% (5)" in page.text  # written on the map's arrow
    school = browser.get(f"/insights/scenarios/short-visit/choices?agency={partnership.school_id}")
    assert "62% (5)" not in school.text and "suppressed" in school.text


def test_misconceptions_name_the_agency_and_the_choice(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    page = browser.get("/insights/misconceptions")
    assert "Brackenford Recovery staff chose an option that lost ground on Testing self-report" in (
        page.text
    )
    rows = _csv(browser.get("/insights/misconceptions?download=misconceptions"))
    row = next(
        r for r in rows if r["Agency"] == "Brackenford Recovery"
        and r["Finding or competency"] == "Testing self-report"
    )  # fmt: skip
    assert row["Agency: weak answers in the range (%)"] == "83"  # 5 of 6
    assert row["Partnership: weak answers in the range (%)"] == "62"


def test_before_and_after_a_date_splits_the_figures(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    from app.db import utcnow

    pivot = (utcnow().date()).isoformat()
    rows = _csv(browser.get(f"/insights/misconceptions?pivot={pivot}&download=misconceptions"))
    row = next(r for r in rows if r["Agency"] == "Brackenford Recovery")
    assert any(k.startswith("Agency: weak answers before") for k in row)
    page = browser.get(f"/insights/misconceptions?pivot={pivot}").text
    assert 'aria-label="Weak answers across the whole partnership (%)"' in page
    assert "Before " in page and "From " in page  # the chart's two series, named
    before = next(v for k, v in row.items() if k.startswith("Agency: weak answers before"))
    after = next(v for k, v in row.items() if k.startswith("Agency: weak answers from"))
    assert before.isdigit() and "suppressed" in after  # nobody played after today


def test_erased_learners_count_for_the_partnership_only(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    db.session.execute(
        update(Attempt).where(Attempt.user_id == partnership.learners[-1].id).values(user_id=None)
    )
    db.session.commit()
    rows = _csv(browser.get("/insights/?download=scenarios"))
    assert rows[0]["Starts"] == "8" and rows[0]["Learners"] == "7"
    by_agency = _csv(browser.get("/insights/?by=agency&download=scenarios"))
    assert sum(int(r["Starts"]) for r in by_agency if r["Starts"].isdigit()) == 6
    assert "accounts were erased still count" in browser.get("/insights/").text


def test_a_bad_date_is_explained_and_ignored(auth, browser, partnership):
    auth("author@example.org", roles=("author",))
    page = browser.get("/insights/?from=yesterday")
    assert page.status_code == 200 and "Enter a real date" in page.text


def test_learners_and_supervisors_cannot_see_partnership_insights(auth, browser, partnership):
    for roles in (("learner",), ("supervisor", "learner"), ("facilitator",)):
        auth(f"{roles[0]}@example.org", roles=roles)
        for url in PAGES + [c.format(school=1) for c in CSVS]:
            assert browser.get(url).status_code == 403, (roles, url)
    auth("reader@example.org", roles=("insights",))
    assert browser.get("/insights/").status_code == 200


def test_csv_cells_that_look_like_formulas_are_made_harmless():
    from app.csv_safe import csv_text

    text = csv_text(["a"], [["=1+2"], ["+x"], ["-3"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["ok"]])
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == ["'=1+2", "'+x", "'-3", "'@SUM(A1)", "'\tx", "'\rx", "ok"]


def _queries(app, browser, url) -> int:
    seen = []

    def count(*_args) -> None:
        seen.append(1)

    db.session.expunge_all()  # each request starts as a real server's would: nothing cached
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert browser.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_the_number_of_queries_does_not_grow_with_the_data(app, auth, browser, load_fixture):
    load_fixture()
    shape = populate(recovery=5, school=1)
    auth("author@example.org", roles=("author",))
    before = {url: _queries(app, browser, url) for url in PAGES}
    more = add_learners(shape.recovery_id, None, "more", 6)
    for person in more:
        play(person, "short-visit", ["Take her word for it.", "Ask the school what they see."],
             ["A note.", "More."], days_ago=1)  # fmt: skip
    after = {url: _queries(app, browser, url) for url in PAGES}
    assert after == before


def test_exercises_count_joins_completions_and_time_by_agency(app, auth, browser, partnership):
    from datetime import timedelta

    from app.db import utcnow
    from app.models import ExerciseChoice, ExerciseParticipant, ExerciseSession
    from app.services import exercise_library

    from .exercise_helpers import load_exercise

    load_exercise(app)
    (version,) = exercise_library.catalogue(db.session)
    phases = len(exercise_library.parsed(version).phases)
    start = utcnow() - timedelta(days=3)
    done = ExerciseSession(version_id=version.id, mode="live", phase=phases, schedule=[])
    db.session.add(done)
    db.session.flush()
    for k, person in enumerate(partnership.learners):  # six from recovery, two from the school
        db.session.add(ExerciseParticipant(session_id=done.id, user_id=person.id, seat="care",
                                           joined_at=start))  # fmt: skip
        db.session.add(ExerciseChoice(session_id=done.id, user_id=person.id, seat="care",
                                      decision="d", option=0, phase=0,
                                      at=start + timedelta(minutes=30 + k)))  # fmt: skip
    db.session.commit()
    auth("author@example.org", roles=("author",))
    rows = _csv(browser.get("/insights/?by=agency&download=exercises"))
    recovery = next(r for r in rows if r["Group"] == "Brackenford Recovery")
    assert recovery["Learners"] == "6" and recovery["Starts"] == "6"
    assert recovery["Completions"] == "6" and recovery["Median time (minutes)"] == "32.5"
    school = next(r for r in rows if r["Group"] == "Brackenford School")
    assert "suppressed" in school["Completions"]
