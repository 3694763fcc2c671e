"""The demo's wider workforce: 56 fictional practitioners across every agency and team, so the
partnership insights have groups of five or more to show. Names are made up from two short
lists; each person's leanings come from their agency, so the insights find a pattern."""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = ("Amira", "Ben", "Carys", "Deon", "Elif", "Femi", "Grace", "Harun", "Isla", "Jonah",
         "Kiran", "Lena", "Marek", "Nadia", "Owen", "Petra", "Rafi", "Sofia", "Theo", "Uma",
         "Vik", "Wren", "Yusuf", "Zara")  # fmt: skip
LAST = ("Ashdown", "Brennan", "Chowdhury", "Delaney", "Ekwueme", "Fairweather", "Garside",
        "Holloway", "Iqbal", "Jarvis", "Kowal", "Lindqvist", "Moreno", "Novak", "Okonjo",
        "Pennant", "Quarry", "Rosslyn", "Sandhu", "Thorne")  # fmt: skip
# (agency index in demo.AGENCIES, team, supervisor local part or None, tags they lean to)
TEAMS = [
    (0, "Assessment team", "supervisor.care", ("consent-barrier", "relied-on-self-report")),
    (0, "MASH", "supervisor.care", ("history-lost", "consent-barrier")),
    (1, "Adult recovery team", None, ("relied-on-self-report", "parent-not-seen-as-parent")),
    (2, "Emergency department", "supervisor.health", ("presenting-issue-only",)),
    (2, "Primary care", "supervisor.health", ("parent-not-seen-as-parent", "child-not-seen")),
    (3, "Safeguarding unit", None, ("network-not-heard", "presenting-issue-only")),
    (4, "Safeguarding leads", None, ("child-not-seen", "network-not-heard")),
]
PER_TEAM = 8
SLUGS = ("telephone-review", "consent-conversation", "when-the-family-calls",
         "how-the-child-communicates", "the-missing-history", "behind-the-drug-use",
         "no-answer-at-the-door", "the-111-call")  # fmt: skip


@dataclass(frozen=True)
class DemoPerson:
    local: str
    name: str
    agency_index: int
    team: str
    supervisor: str | None
    leans_to: tuple[str, ...]
    every_other: bool
    plays: tuple[tuple[str, int, bool], ...]  # scenario slug, days ago, finished


def workforce() -> list[DemoPerson]:
    """The same 56 people every time (a fixed seed), so `flask demo` stays idempotent."""
    rng = random.Random(20261)  # noqa: S311 - demo data, not security
    people = []
    for t, (agency, team, supervisor, leans) in enumerate(TEAMS):
        for k in range(PER_TEAM):
            n = t * PER_TEAM + k
            name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 7 + t) % len(LAST)]}"
            style = k % 3  # a third choose the best option throughout
            slugs = rng.sample(SLUGS, rng.choice((2, 3, 3, 4)))
            plays = tuple((s, rng.randint(1, 80), rng.random() > 0.15) for s in slugs)
            people.append(
                DemoPerson(
                    f"staff{n + 1:02d}",
                    name,
                    agency,
                    team,
                    supervisor,
                    leans if style else (),
                    style == 1,
                    plays,
                )  # fmt: skip
            )
    return people
