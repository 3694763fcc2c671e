"""Importing accounts from CSV, in the browser and from `flask users import`: every problem by
row and column, nothing imported unless all rows are valid, then all of them at once."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from app.db import db
from app.models import User
from app.services import organisation

HEADER = "name,email,agency,team,roles,supervisor\n"
GOOD = (
    HEADER
    + "Ola Baker, Ola.Baker@Example.org ,Brackenford Recovery,Adult team,supervisor;learner,\n"
    "Ken Ito,ken@example.org,brackenford recovery,adult team,,ola.baker@example.org\n"
)
BAD = (
    HEADER + "Ola Baker,ola@example.org,Brackenford Recovery,Nowhere,learner,\n"
    '=HYPERLINK("x"),not-an-email,Atlantis,,wizard,boss@example.org\n'
    "Ola Again,OLA@example.org,,,,\n"
    "Existing,admin@example.org,,,,ola@example.org\n"
)


def _org():
    agency = organisation.add_agency(db.session, "Brackenford Recovery", "drug-alcohol")
    db.session.flush()
    organisation.add_team(db.session, agency.id, "Adult team")
    db.session.commit()


def _people() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def _upload(browser, text: str):
    page = browser.get("/admin/users/import")
    from tests.conftest import csrf_token

    return browser.client.post(
        "/admin/users/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": (io.BytesIO(text.encode()), "people.csv"),
        },
        content_type="multipart/form-data",
    )


def test_an_admin_imports_everyone_with_normalised_emails_and_supervisors(browser, auth):
    _org()
    auth("admin@example.org", roles=("admin",))
    done = _upload(browser, GOOD)
    assert done.status_code == 302
    ola = db.session.scalar(select(User).where(User.email == "ola.baker@example.org"))
    ken = db.session.scalar(select(User).where(User.email == "ken@example.org"))
    assert ola.roles == {"supervisor", "learner"} and ola.team.name == "Adult team"
    assert ken.supervisor_id == ola.id and ken.roles == {"learner"}


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_imported(browser, auth):
    _org()
    auth("admin@example.org", roles=("admin",))
    before = _people()
    page = _upload(browser, BAD)
    assert page.status_code == 200 and _people() == before
    text = page.get_data(as_text=True)
    assert "Nothing was imported" in text
    for row, column in [(2, "team"), (3, "name"), (3, "email"), (3, "agency"), (3, "roles"),
                        (3, "supervisor"), (4, "email"), (5, "email"), (5, "supervisor")]:  # fmt: skip
        assert (
            f'<td class="govuk-table__cell">{row}</td><td class="govuk-table__cell">{column}</td>'
            in text
        ), (row, column)
    assert "Also on row 2" in text and "already exists" in text and "formula" in text


def test_an_oversized_file_is_refused_before_it_is_read(browser, auth):
    auth("admin@example.org", roles=("admin",))
    page = _upload(browser, HEADER + "x" * (600 * 1024))
    assert page.status_code in (200, 413) and _people() == 1


def test_the_command_line_import_is_all_or_nothing(app, runner, tmp_path, make_user):
    _org()
    make_user("admin@example.org", roles=("admin",))
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD)
    refused = runner.invoke(args=["users", "import", str(bad)])
    assert refused.exit_code != 0 and "Row 3, agency" in refused.output and _people() == 1
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    done = runner.invoke(args=["users", "import", str(good)])
    assert done.exit_code == 0, done.output
    assert "Imported 2" in done.output and _people() == 3
