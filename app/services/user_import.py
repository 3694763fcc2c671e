"""Import accounts from CSV (name, email, agency, team, roles, supervisor): every row is checked
first and every problem is reported by row and column; nothing is added unless every row is
valid, and then all of it is added in the caller's one transaction.

- emails are normalised (trimmed, lower case); a duplicate within the file or of an existing
  account is an error;
- agency and team are names that must exist (matched ignoring case), the team in that agency;
- roles are separated by ";", "|" or spaces (blank: learner);
- supervisor is the email of an existing supervisor, or of a row in the file with that role;
- a cell a spreadsheet would run as a formula (starting = + - @, a tab or CR) is refused: it was
  never meant as a name, and it must not travel on into other exports.
Accounts are made without a password: the admin issues set-password links.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..csv_safe import RISKY
from ..form_checks import BIDI_CONTROLS
from ..models import Agency, Role, Team, User
from .accounts import create_user, normalise_email

COLUMNS = ("name", "email", "agency", "team", "roles", "supervisor")
MAX_ROWS = 2000
MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class RowError:
    row: int  # the line in the file: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, {self.column}: {self.message}"


@dataclass
class Planned:
    row: int
    name: str
    email: str
    agency_id: int | None
    team_id: int | None
    roles: set[str]
    supervisor: str  # an email, or ""


def read(data: bytes) -> tuple[list[dict], list[RowError]]:
    """The rows of a CSV file as dicts keyed by the lower-case column names."""
    if len(data) > MAX_BYTES:
        return [], [RowError(1, "file", f"The file is larger than {MAX_BYTES // 1024} KB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(1, "file", "Save the file as CSV with UTF-8 encoding")]
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in ("name", "email") if c not in header]
    if missing:
        return [], [RowError(1, "header", f"The first row must name the columns: {', '.join(COLUMNS)} "
                             f"(missing: {', '.join(missing)})")]  # fmt: skip
    rows = [
        dict(zip(header, [c.strip() for c in line], strict=False)) for line in reader if any(line)
    ]
    if len(rows) > MAX_ROWS:
        return [], [RowError(1, "file", f"At most {MAX_ROWS} people at a time")]
    return rows, []


def check(session: Session, rows: list[dict]) -> tuple[list[Planned], list[RowError]]:
    """Every problem in every row, and the accounts the rows would make."""
    errors: list[RowError] = []
    agencies = {a.name.lower(): a for a in session.scalars(select(Agency))}
    teams = {(t.agency_id, t.name.lower()): t for t in session.scalars(select(Team))}
    emails = [normalise_email(r.get("email", "")) for r in rows]
    taken = set(session.scalars(select(User.email).where(func.lower(User.email).in_(emails))))
    seen: dict[str, int] = {}
    planned = []
    for number, (raw, email) in enumerate(zip(rows, emails, strict=True), start=2):

        def bad(column: str, message: str, number=number) -> None:
            errors.append(RowError(number, column, message))

        for column in COLUMNS:
            if raw.get(column, "").startswith(RISKY):
                bad(column, "Starts with = + - @ or a tab, which a spreadsheet runs as a formula")
        name = raw.get("name", "")
        if not name:
            bad("name", "Enter a name")
        elif len(name) > 200 or BIDI_CONTROLS.search(name):
            bad("name", "Use at most 200 characters, without hidden direction characters")
        try:
            validate_email(email, check_deliverability=False, test_environment=True)
        except EmailNotValidError:
            bad("email", "Enter an email address like name@example.org")
        if email in seen:
            bad("email", f"Also on row {seen[email]}")
        elif email in taken:
            bad("email", "An account with this email already exists")
        seen.setdefault(email, number)
        agency = agencies.get(raw.get("agency", "").lower()) if raw.get("agency") else None
        if raw.get("agency") and agency is None:
            bad("agency", f"No agency called “{raw['agency']}”: add it under Organisation first")
        team = None
        if raw.get("team"):
            team = teams.get((agency.id, raw["team"].lower())) if agency else None
            if team is None:
                bad("team", f"No team called “{raw['team']}” in that agency")
        roles = set(re.split(r"[;|\s]+", raw.get("roles", "").lower())) - {""} or {"learner"}
        unknown = roles - set(Role)
        if unknown:
            bad("roles", f"Unknown role {', '.join(sorted(unknown))}: use {', '.join(Role)}")
        planned.append(Planned(number, name, email, agency.id if agency else None,
                               team.id if team else None, roles,
                               normalise_email(raw.get("supervisor", ""))))  # fmt: skip
    errors += _check_supervisors(session, planned)
    return planned, sorted(errors, key=lambda e: (e.row, COLUMNS.index(e.column)
                                                  if e.column in COLUMNS else -1))  # fmt: skip


def _check_supervisors(session: Session, planned: list[Planned]) -> list[RowError]:
    in_file = {p.email: p for p in planned}
    wanted = {p.supervisor for p in planned if p.supervisor} - set(in_file)
    existing = {u.email: u for u in session.scalars(select(User).where(User.email.in_(wanted)))}
    errors = []
    for p in planned:
        if not p.supervisor:
            continue
        if p.supervisor == p.email:
            errors.append(RowError(p.row, "supervisor", "Nobody can be their own supervisor"))
        elif p.supervisor in in_file:
            if Role.SUPERVISOR not in in_file[p.supervisor].roles:
                errors.append(
                    RowError(
                        p.row,
                        "supervisor",
                        "That person's row does not give them the supervisor role",
                    )
                )
        elif p.supervisor not in existing:
            errors.append(RowError(p.row, "supervisor", f"No account or row for {p.supervisor}"))
        elif not existing[p.supervisor].has_role(Role.SUPERVISOR):
            errors.append(RowError(p.row, "supervisor", f"{p.supervisor} is not a supervisor"))
    return errors


def apply(session: Session, planned: list[Planned], actor: User | None) -> list[User]:
    """Make the accounts (call only when `check` found no errors); the caller commits."""
    made = {}
    for p in planned:
        made[p.email] = create_user(session, email=p.email, display_name=p.name, roles=p.roles,
                                    actor=actor, agency_id=p.agency_id, team_id=p.team_id)  # fmt: skip
    from .accounts import update_user

    existing = {u.email: u for u in session.scalars(select(User).where(User.email.in_(
        {p.supervisor for p in planned if p.supervisor})))}  # fmt: skip
    for p in planned:
        if p.supervisor:
            boss = made.get(p.supervisor) or existing[p.supervisor]
            update_user(session, made[p.email], actor=actor, supervisor_id=boss.id)
    return list(made.values())
