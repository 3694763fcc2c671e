"""Story shapes an author can start from: each is the steps of a whole draft (kinds, links, and
which steps follow which option), with a plain question and a worked example for each thing the
author writes. `app.authoring.pattern_draft` turns a filled-in shape into the draft's text."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import NodeKind

SCENE, CHOICE, REFLECTION, ENDING = (
    NodeKind.SCENE,
    NodeKind.CHOICE,
    NodeKind.REFLECTION,
    NodeKind.ENDING,
)


@dataclass(frozen=True)
class Step:
    id: str
    kind: NodeKind
    heading: str  # the fieldset's legend on the pattern page
    question: str  # the plain question the step's text answers
    example: str  # a worked example in the shipped scenarios' style
    next: str = ""  # a scene's or reflection's next step
    options: tuple[Branch, ...] = ()  # a choice's options


@dataclass(frozen=True)
class Branch:
    """An option: where it leads, and the steps written under it on the pattern page (the
    steps that only this option reaches)."""

    target: str
    under: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    key: str
    name: str
    description: str
    steps: tuple[Step, ...]
    order: tuple[str, ...]  # top-level steps in page order; the rest sit under their option

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    @property
    def start(self) -> str:
        return self.order[0]

    def branch_to(self, step_id: str) -> Branch | None:
        """The option whose page section holds `step_id`, if any."""
        for step in self.steps:
            for branch in step.options:
                if step_id in branch.under:
                    return branch
        return None


SEE = "What does the practitioner see or hear?"
SEE_EXAMPLE = (
    "You arrive for the new birth visit. Leah opens the door with the baby, Kai, on her "
    "shoulder. A pair of large work boots stands by the door, and the inside of the door has "
    "a dent at fist height."
)
NOTICE = "What do you want them to notice? Ask it as a question"
NOTICE_EXAMPLE = "What have you noticed so far, and what might it mean for Leah and for Kai?"
CHOOSE = "What is happening at the moment they must choose?"
CHOOSE_EXAMPLE = (
    "Leah says everything is fine and Kai is feeding well. Her phone buzzes twice; she turns "
    "it face down without looking."
)
NEXT = "What happens next?"
NEXT_EXAMPLE = (
    "You start the routine questions about safety at home. Halfway through, the front door "
    "opens: Leah's partner is back early."
)
ENDING_EXAMPLE = "Leah tells you what happens at home, somewhere she feels safe to talk."


def _opening(next_step: str) -> Step:
    return Step("opening", SCENE, "The opening scene", SEE, SEE_EXAMPLE, next=next_step)


def _noticing(next_step: str) -> Step:
    return Step("noticing", REFLECTION, "What they notice", NOTICE, NOTICE_EXAMPLE, next_step)


def _choice(step_id: str, heading: str, branches: tuple[Branch, ...]) -> Step:
    return Step(step_id, CHOICE, heading, CHOOSE, CHOOSE_EXAMPLE, options=branches)


def _then(step_id: str, number: int, next_step: str) -> Step:
    heading = f"What happens after option {number}"
    return Step(step_id, SCENE, heading, NEXT, NEXT_EXAMPLE, next=next_step)


def _ending(step_id: str, heading: str) -> Step:
    return Step(step_id, ENDING, heading, "", ENDING_EXAMPLE)


ONE_CHOICE = Pattern(
    "one-choice",
    "One choice, three endings",
    "An opening scene, a question about what the learner noticed, then one choice with three "
    "options. Options 2 and 3 lead to a further scene before their ending.",
    steps=(
        _opening("noticing"),
        _noticing("what-now"),
        _choice(
            "what-now",
            "The choice",
            (
                Branch("ending-1", ("ending-1",)),
                Branch("after-2", ("after-2", "ending-2")),
                Branch("after-3", ("after-3", "ending-3")),
            ),
        ),  # fmt: skip
        _then("after-2", 2, "ending-2"),
        _then("after-3", 3, "ending-3"),
        _ending("ending-1", "The ending of option 1"),
        _ending("ending-2", "The ending of option 2"),
        _ending("ending-3", "The ending of option 3"),
    ),
    order=("opening", "noticing", "what-now"),
)

TWO_CHOICES = Pattern(
    "two-choices",
    "Two choices in a row",
    "An opening scene and a first choice with two options; both lead on to a second scene and "
    "a second choice, whose three options each have their own ending.",
    steps=(
        _opening("first-choice"),
        _choice("first-choice", "The first choice", (Branch("later"), Branch("later"))),
        Step("later", SCENE, "The second scene", NEXT, NEXT_EXAMPLE, next="second-choice"),
        _choice(
            "second-choice",
            "The second choice",
            tuple(Branch(f"ending-{n}", (f"ending-{n}",)) for n in (1, 2, 3)),
        ),  # fmt: skip
        *(_ending(f"ending-{n}", f"The ending of option {n}") for n in (1, 2, 3)),
    ),
    order=("opening", "first-choice", "later", "second-choice"),
)

VISIT = Pattern(
    "visit",
    "A visit: scene, reflection, choice, ending",
    "A short visit: an opening scene, a question about what the learner noticed, one choice "
    "with three options, and one ending that closes the visit whichever they chose.",
    steps=(
        _opening("noticing"),
        _noticing("what-now"),
        _choice("what-now", "The choice", (Branch("ending"),) * 3),
        _ending("ending", "The ending"),
    ),
    order=("opening", "noticing", "what-now", "ending"),
)

PATTERNS: dict[str, Pattern] = {p.key: p for p in (ONE_CHOICE, TWO_CHOICES, VISIT)}
