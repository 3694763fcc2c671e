"""The `when:` line of a prompt rule: a short fixed sentence an author can read, parsed into a
`When`. Each kind of sentence offers its own `{placeholders}` to the prompt and attention text,
so the checker can refuse a placeholder that would never be filled."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine.parser import ID

# kind -> (pattern, what it means, placeholders it fills)
FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "chose": (
        re.compile(rf"^chose (?P<subject>{ID}) in (?P<number>\d+)\+ scenarios?$"),
        "chose TAG in N+ scenarios",
    ),
    "missed": (
        re.compile(rf"^missed (?P<subject>{ID}) in (?P<number>\d+)\+ scenarios?$"),
        "missed TAG in N+ scenarios",
    ),
    "ended": (
        re.compile(rf"^ended (?P<subject>{ID}) in (?P<number>\d+)\+ scenarios?$"),
        "ended TAG in N+ scenarios",
    ),
    "below": (
        re.compile(rf"^competency (?P<subject>{ID}) below (?P<number>\d+)% in every attempt$"),
        "competency KEY below N% in every attempt",
    ),
    "at-least": (
        re.compile(rf"^competency (?P<subject>{ID}) at least (?P<number>\d+)% in every attempt$"),
        "competency KEY at least N% in every attempt",
    ),
    "short-reflections": (
        re.compile(r"^(?:(?P<minimum>\d+)\+ )?reflections under (?P<number>\d+) words?$"),
        "[K+] reflections under N words",
    ),
    "no-reflections": (
        re.compile(r"^completed without reflections$"),
        "completed without reflections",
    ),
    "no-supervision": (
        re.compile(r"^no supervision since completing(?: for (?P<number>\d+)\+ days?)?$"),
        "no supervision since completing [for N+ days]",
    ),
    "completed": (
        re.compile(r"^completed (?P<number>\d+)\+ scenarios?$"),
        "completed N+ scenarios",
    ),
}

COMMON = {"count", "of", "scenarios"}
PLACEHOLDERS: dict[str, set[str]] = {
    "chose": COMMON | {"tag", "scenario_count"},
    "missed": COMMON | {"tag", "scenario_count"},
    "ended": COMMON | {"tag", "scenario_count", "attempts"},
    "below": COMMON | {"competency", "percent", "threshold", "attempts"},
    "at-least": COMMON | {"competency", "percent", "threshold", "attempts"},
    "short-reflections": COMMON | {"words"},
    "no-reflections": COMMON | {"attempts"},
    "no-supervision": COMMON | {"days", "last_session", "attempts", "since", "first_done"},
    "completed": COMMON | {"attempts"},
}
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class When:
    """A parsed `when:` line. `subject` is a tag, a competency key or `any`."""

    kind: str
    subject: str | None = None
    number: int = 0
    minimum: int = 1  # "2+ reflections under ...": how many before the rule fires

    @property
    def takes_tag(self) -> bool:
        return self.kind in ("chose", "missed", "ended")

    @property
    def takes_competency(self) -> bool:
        return self.kind in ("below", "at-least")


def parse_when(text: str) -> When | None:
    """The `When` for a sentence, or None if it matches no form."""
    sentence = " ".join(text.split())
    for kind, (pattern, _) in FORMS.items():
        match = pattern.match(sentence)
        if match:
            groups = match.groupdict()
            number = int(groups["number"]) if groups.get("number") else 0
            minimum = int(groups["minimum"]) if groups.get("minimum") else 1
            return When(kind, groups.get("subject"), number, minimum)
    return None


def forms_help() -> str:
    """The sentences an author may write, for an error message."""
    return "; ".join(f"'{usage}'" for _, usage in FORMS.values())


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER_RE.findall(text)


def fill(text: str, values: dict[str, object]) -> str:
    """Replace each `{name}` with its value; unknown names are left as written."""
    return PLACEHOLDER_RE.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
