"""Read and check the prompt rules file (content/supervision-rules.txt, guide alongside it).

Like the scenario parser, this never stops at the first problem: it names the file and line of
every one, and keeps only the rules that have none, so one typing mistake cannot silence the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..engine import Problem, Vocabulary
from ..engine.model import STAGES
from ..engine.parser import ID_RE
from .conditions import PLACEHOLDERS, When, forms_help, parse_when, placeholders_in

KINDS = ("concern", "strength")
KEYS = ("when", "unless", "stage", "competency", "attention", "prompt")
MULTILINE = ("attention", "prompt")
REQUIRED = ("when", "stage", "prompt")
HEAD_RE = re.compile(r"^===\s*(?P<kind>[A-Za-z-]+)\s*:(?P<id>.*)$")  # id stripped after
KEY_RE = re.compile(r"^(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Rule:
    """A pattern across a learner's attempts and the question it raises for supervision."""

    id: str
    kind: str
    when: When
    stage: str
    prompt: str
    competency: str | None = None
    attention: str | None = None
    unless: str | None = None  # the id of a rule that, when it holds, makes this one give way
    path: str = ""
    line: int = 0
    # The scenario ids whose attempts the rule looks at: None for every attempt (the rules
    # file); a learning source's own rules look only at scenarios that name the source.
    scenarios: frozenset[str] | None = None

    @property
    def strength(self) -> bool:
        return self.kind == "strength"


class _Block:
    """One `=== kind: id` block as written, before checking."""

    def __init__(self, kind: str, rule_id: str, line: int) -> None:
        self.kind, self.id, self.line = kind, rule_id, line
        self.values: dict[str, list[str]] = {}
        self.lines: dict[str, int] = {}
        self.last: str | None = None


def parse_rules(text: str, path: str, vocab: Vocabulary) -> tuple[list[Rule], list[Problem]]:
    """Every valid rule in `text`, and every problem with its line."""
    problems: list[Problem] = []

    def problem(line: int, code: str, message: str) -> None:
        problems.append(Problem(path, line, code, message))

    blocks: list[_Block] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        head = HEAD_RE.match(line)
        if head:
            blocks.append(_Block(head["kind"], head["id"].strip(), number))
            continue
        block = blocks[-1] if blocks else None
        if block is None:
            problem(number, "syntax", "a rule starts with a line like '=== concern: rule-id'")
            continue
        if line[0].isspace():
            if block.last in MULTILINE:
                block.values[block.last].append(line.strip())
            else:
                problem(number, "syntax", "only 'prompt:' and 'attention:' may go on over lines")
            continue
        entry = KEY_RE.match(line)
        if entry is None:
            problem(number, "syntax", "expected 'key: value' (when, stage, competency, ...)")
            block.last = None
            continue
        key, value = entry["key"], entry["value"].strip()
        block.last = key
        if key not in KEYS:
            problem(number, "unknown-key", f"unknown setting '{key}:' (use {', '.join(KEYS)})")
        elif key in block.values:
            problem(number, "duplicate-key", f"'{key}:' is already set on line {block.lines[key]}")
            block.last = None
        else:
            block.values[key], block.lines[key] = [value], number
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for block in blocks:
        before = len(problems)
        if block.id in seen:
            problem(
                block.line, "duplicate-id", f"rule '{block.id}' is already on line {seen[block.id]}"
            )
        seen.setdefault(block.id, block.line)
        rule = _check(block, path, vocab, problem)
        if rule is not None and len(problems) == before:
            rules.append(rule)
    for block in blocks:
        target = " ".join(block.values.get("unless", [])).strip()
        if target and (target not in seen or target == block.id):
            problem(
                block.lines["unless"], "unknown-rule", f"'unless:' names no other rule '{target}'"
            )
            rules = [r for r in rules if r.id != block.id]
    problems.sort(key=lambda p: p.line)
    return rules, problems


def _check(block: _Block, path: str, vocab: Vocabulary, problem) -> Rule | None:
    if block.kind not in KINDS:
        problem(
            block.line,
            "unknown-kind",
            f"unknown rule kind '{block.kind}' (use concern or strength)",
        )
    if not ID_RE.match(block.id):
        problem(block.line, "bad-id", "a rule id uses lower-case letters, digits and hyphens")
    values = {k: " ".join(p for p in v if p) for k, v in block.values.items()}
    for key in REQUIRED:
        if not values.get(key):
            problem(block.lines.get(key, block.line), "missing-field", f"the rule needs '{key}:'")
    when = parse_when(values.get("when", "")) if values.get("when") else None
    if values.get("when") and when is None:
        problem(
            block.lines["when"], "unknown-when", f"'when:' must read like one of: {forms_help()}"
        )
    stage = values.get("stage", "")
    if stage and stage not in STAGES:
        problem(
            block.lines["stage"],
            "unknown-stage",
            f"unknown stage '{stage}' (use {', '.join(STAGES)})",
        )
    competency = values.get("competency") or None
    if competency and competency not in vocab.competencies:
        problem(
            block.lines["competency"], "unknown-competency", f"unknown competency '{competency}'"
        )
    if block.kind == "strength" and "attention" in values:
        problem(
            block.lines["attention"], "attention-on-strength", "'attention:' is for concerns only"
        )
    if when is not None:
        _check_when(block, when, competency, vocab, problem)
        for key in MULTILINE:
            for name in placeholders_in(values.get(key, "")):
                if name not in PLACEHOLDERS[when.kind]:
                    offered = ", ".join("{" + n + "}" for n in sorted(PLACEHOLDERS[when.kind]))
                    problem(
                        block.lines[key],
                        "unknown-placeholder",
                        f"'{{{name}}}' is not filled for this 'when:' (use {offered})",
                    )
    if when is None or not values.get("prompt") or stage not in STAGES:
        return None
    return Rule(
        id=block.id,
        kind=block.kind,
        when=when,
        stage=stage,
        prompt=values["prompt"],
        competency=competency,
        attention=values.get("attention") or None,
        unless=values.get("unless") or None,
        path=path,
        line=block.line,
    )


def _check_when(
    block: _Block, when: When, competency: str | None, vocab: Vocabulary, problem
) -> None:
    line = block.lines["when"]
    if when.takes_tag and when.subject not in vocab.tags:
        problem(line, "unknown-tag", f"unknown tag '{when.subject}' (add it to content/tags.toml)")
    if when.takes_competency:
        if when.subject != "any" and when.subject not in vocab.competencies:
            problem(line, "unknown-competency", f"unknown competency '{when.subject}'")
        if competency:
            problem(
                block.lines["competency"],
                "competency-conflict",
                "the competency comes from the 'when:' line",
            )
        if when.number > 100:
            problem(line, "bad-number", "a percentage is from 0 to 100")
    elif (
        when.kind in ("chose", "missed", "ended", "short-reflections", "completed")
        and when.number < 1
    ):
        problem(line, "bad-number", "the number must be 1 or more")


def load_rules(path: str | Path, vocab: Vocabulary) -> tuple[list[Rule], list[Problem]]:
    """Read a rules file; a missing file is one problem, not a crash."""
    file = Path(path)
    if not file.exists():
        return [], [Problem(str(file), 0, "missing-file", "the rules file does not exist")]
    return parse_rules(file.read_text(encoding="utf-8"), str(file), vocab)
