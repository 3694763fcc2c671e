"""A small exercise built in code for the play tests: four seats, three phases, an inject."""

from __future__ import annotations

from app.exercise import Basis, Decision, Exercise, Fragment, Option, Phase, Seat, Typical

SEATS = ("care", "school", "gp", "aunt")


def small_exercise() -> Exercise:
    seats = tuple(Seat(s, s.title(), f"You are {s}.") for s in SEATS)
    phases = tuple(Phase(f"p{i}", f"Phase {i}", "now", 5, "Story.") for i in range(3))
    fragments = []
    for p in range(3):
        for s in SEATS:
            fragments.append(
                Fragment(
                    id=f"{s}-{p}",
                    phase=f"p{p}",
                    seat=s,
                    title=f"{s} knows {p}",
                    text=f"What {s} knows in phase {p}.",
                    inject=(p == 1 and s == "aunt"),
                    best=(Basis.RISK,),
                    advice="Share it.",
                    typical=Typical(("care",), Basis.RISK) if s != "care" else None,
                )
            )
    options = (Option("Wait", "You wait."), Option("Act", "You act.", (("curiosity", 1),)))
    decisions = tuple(
        Decision(f"{s}-d{p}", f"p{p}", s, "What now?", options, typical=1)
        for p in range(3)
        for s in SEATS
    )
    return Exercise("small", "Small", "A test.", 15, "", seats, phases, tuple(fragments), decisions)
