"""Publishing to named testers before everyone.

A test version is a real, immutable version that is not (yet) the current one: it shows in its
testers' catalogues marked "Test version" and nowhere else, and a tester's attempt is on it.
Publishing to everyone makes a version current and ends the test (app/services/publishing.py).
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..engine import Vocabulary, check_text
from ..engine.wording import plural
from ..models import Draft, Origin, ScenarioTester, ScenarioVersion, StoredScenario, User
from .library import publish_text


class TrialError(ValueError):
    """Publishing to testers was refused; the message says why, for the author."""


def people_named(session: Session, emails: str) -> list[User]:
    """The active accounts with these email addresses (one a line, or separated by commas or
    spaces). An address with no account is refused by name, so no tester is silently left out."""
    wanted = [e.strip().lower() for e in emails.replace(",", " ").split() if e.strip()]
    if not wanted:
        raise TrialError("Enter the email address of at least one person to test it")
    found = {
        u.email.lower(): u
        for u in session.scalars(
            select(User).where(User.active, func.lower(User.email).in_(wanted))
        )
    }
    missing = [e for e in wanted if e not in found]
    if missing:
        raise TrialError(f"No one can sign in with {', '.join(missing)}: check the address")
    return list(dict.fromkeys(found[e] for e in wanted))


def publish_to_testers(
    session: Session, user: User, draft: Draft, vocab: Vocabulary, emails: str
) -> tuple[ScenarioVersion, list[User], list[User]]:
    """(the test version, everyone named, those newly named for it): naming a tester again
    for the same version keeps one row and tells them once."""
    scenario, problems = check_text(draft.text, f"draft {draft.slug}", vocab)
    if problems:
        raise TrialError(
            f"This draft has {plural(len(problems), 'problem')}. Fix them first: testers play "
            "it as learners will."
        )
    people = people_named(session, emails)
    stored = session.scalar(select(StoredScenario).where(StoredScenario.slug == draft.slug))
    current = stored.current_version_id if stored else None
    version, _ = publish_text(
        session, scenario, draft.text, f"{draft.slug} (test)", Origin.BROWSER, user.id
    )
    stored = version.scenario
    stored.current_version_id = current  # a test version does not reach everyone
    if version.id == current:
        raise TrialError("This draft is the same as the version everyone has: nothing to test.")
    added = []
    for person in people:
        taken = session.scalar(
            select(ScenarioTester.id).where(
                ScenarioTester.version_id == version.id, ScenarioTester.user_id == person.id
            )
        )
        if taken is None:
            added.append(person)
            session.add(ScenarioTester(scenario_id=stored.id, version_id=version.id,
                                       user_id=person.id, added_by_id=user.id))  # fmt: skip
    session.flush()
    return version, people, added


def test_version(session: Session, user, stored: StoredScenario) -> ScenarioVersion | None:
    """The version this person was given to test, if it is not already everyone's."""
    if user is None or not getattr(user, "id", None):
        return None
    return session.scalar(
        select(ScenarioVersion)
        .join(ScenarioTester, ScenarioTester.version_id == ScenarioVersion.id)
        .where(ScenarioTester.user_id == user.id, ScenarioTester.scenario_id == stored.id)
        .where(ScenarioVersion.id != (stored.current_version_id or 0))
        .order_by(ScenarioVersion.number.desc())
        .limit(1)
    )


def testing_now(session: Session, slug: str) -> list[ScenarioTester]:
    """Who is testing which version of this scenario now."""
    return list(
        session.scalars(
            select(ScenarioTester)
            .join(StoredScenario, StoredScenario.id == ScenarioTester.scenario_id)
            .where(StoredScenario.slug == slug)
            .order_by(ScenarioTester.id)
        )
    )


def tested_scenarios(session: Session, user: User) -> list[tuple[StoredScenario, ScenarioVersion]]:
    """Scenarios with a version given to this person to test, for their catalogue."""
    rows = session.scalars(
        select(StoredScenario)
        .join(ScenarioTester, ScenarioTester.scenario_id == StoredScenario.id)
        .where(ScenarioTester.user_id == user.id, StoredScenario.archived.is_(False))
        .distinct()
    )
    found = []
    for stored in rows:
        version = test_version(session, user, stored)
        if version is not None:
            found.append((stored, version))
    return found


def end_test(session: Session, stored: StoredScenario) -> None:
    """Published to everyone: the testers' marker goes (their attempts stay)."""
    session.execute(delete(ScenarioTester).where(ScenarioTester.scenario_id == stored.id))
