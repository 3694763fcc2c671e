"""Check a parsed scenario: names, numbers, and reachability that follows the flags."""

from __future__ import annotations

from .model import Condition, Node, NodeKind, Problem, Scenario
from .parser import parse
from .reachability import explore, trapped_states
from .sources import SourceSet
from .vocabulary import Vocabulary

SCORE_MIN, SCORE_MAX = -2, 2


class _Checker:
    def __init__(self, scenario: Scenario, vocabulary: Vocabulary) -> None:
        self.s = scenario
        self.vocab = vocabulary
        self.problems: list[Problem] = []

    def add(self, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.s.path, line, code, message))

    def run(self) -> list[Problem]:
        self.header()
        for node in self.s.nodes.values():
            self.node(node)
        if self.s.start and self.s.start in self.s.nodes:
            self.reachability()
        return self.problems

    def header(self) -> None:
        lines = self.s.header_lines
        for agency in self.s.agencies:
            if agency not in self.vocab.agencies:
                self.add(
                    lines.get("agencies", 1),
                    "unknown-agency",
                    f"unknown agency '{agency}' (known: {', '.join(self.vocab.agencies)})",
                )
        for comp in self.s.competencies:
            self.competency(comp, lines.get("competencies", 1))
        if self.s.start and self.s.start not in self.s.nodes:
            self.add(
                lines.get("start", 1),
                "missing-start",
                f"start node '{self.s.start}' does not exist",
            )

    def competency(self, key: str, line: int) -> None:
        if key not in self.vocab.competencies:
            self.add(
                line,
                "unknown-competency",
                f"unknown competency '{key}' (known: {', '.join(self.vocab.competencies)})",
            )

    def target(self, target: str, line: int) -> None:
        if target and target not in self.s.nodes:
            self.add(line, "unknown-target", f"no node has the id '{target}'")

    def condition(self, condition: Condition | None) -> None:
        if condition is not None:
            for flag in condition.flags:
                self.flag(flag, condition.line)

    def flag(self, flag: str, line: int) -> None:
        if flag not in self.s.flags:
            self.add(
                line, "unknown-flag", f"flag '{flag}' is not declared in the header's 'flags:' line"
            )

    def tags(self, tags: tuple[str, ...], line: int) -> None:
        for tag in tags:
            if tag not in self.vocab.tags:
                self.add(
                    line, "unknown-tag", f"unknown tag '{tag}': add it to content/tags.toml first"
                )

    def node(self, node: Node) -> None:
        self.condition(node.condition)
        if node.condition is not None and not node.else_target:
            self.add(
                node.lines.get("if", node.line),
                "missing-field",
                f"node '{node.id}' has 'if:' but no 'else:' for when it does not hold",
            )
        if node.else_target:
            self.target(node.else_target, node.lines.get("else", node.line))
        for route in node.routes:
            self.target(route.target, route.line)
            self.condition(route.condition)
        self.tags(node.tags, node.lines.get("tags", node.line))
        for option in node.options:
            self.target(option.target, option.target_line)
            self.condition(option.condition)
            for flag in option.sets:
                self.flag(flag, option.lines.get("set", option.line))
            self.tags(option.tags, option.lines.get("tags", option.line))
            score_line = option.lines.get("scores", option.line)
            for comp, value in option.scores.items():
                self.competency(comp, score_line)
                if not SCORE_MIN <= value <= SCORE_MAX:
                    self.add(
                        score_line,
                        "score-range",
                        f"score {value:+d} for '{comp}' is outside -2 to +2",
                    )
            if not option.feedback:
                self.add(
                    option.line, "missing-feedback", f"option '{option.text}' has no 'feedback:'"
                )

    def reachability(self) -> None:
        found = explore(self.s)
        if found.truncated:
            self.add(1, "too-complex", "too many flag combinations to check every path")
            return
        for node_id in sorted(found.loops):
            self.add(
                self.s.nodes[node_id].line,
                "dead-end",
                f"node '{node_id}': its 'else:' targets lead round in a circle",
            )
        shown = found.shown
        for node in self.s.nodes.values():
            if node.id in shown:
                continue
            if node.kind == NodeKind.ENDING:
                self.add(
                    node.line,
                    "unreachable-ending",
                    f"no path of choices reaches ending '{node.id}'",
                )
            else:
                self.add(
                    node.line, "unreachable-node", f"no path of choices reaches node '{node.id}'"
                )
        for node_id, flags in found.dead_ends.items():
            node = self.s.nodes[node_id]
            if node.kind == NodeKind.CHOICE and not node.options:
                continue  # already reported by the parser
            if node.kind != NodeKind.CHOICE and not node.routes:
                continue
            self.add(
                node.line,
                "dead-end",
                f"node '{node_id}' offers no way on when the flags set are {_describe(flags)}",
            )
        reported: set[str] = set()
        for node_id, flags in sorted(trapped_states(found, self.s), key=lambda s: s[0]):
            if node_id not in reported:
                reported.add(node_id)
                self.add(
                    self.s.nodes[node_id].line,
                    "no-ending",
                    f"from node '{node_id}' (flags {_describe(flags)}) no ending can be reached",
                )


def _describe(flags: frozenset[str]) -> str:
    return ", ".join(sorted(flags)) if flags else "none"


def validate(scenario: Scenario, vocabulary: Vocabulary) -> list[Problem]:
    """Problems beyond syntax: names, scores, feedback, reachability."""
    return _Checker(scenario, vocabulary).run()


def check_text(
    text: str, path: str, vocabulary: Vocabulary | SourceSet
) -> tuple[Scenario, list[Problem]]:
    """Parse and validate; every problem, sorted by line. Given the partnership's sources, the
    scenario is checked against the words of the sources it names (or the default source)."""
    scenario, problems = parse(text, path)
    if isinstance(vocabulary, SourceSet):
        vocabulary, unknown = vocabulary.for_scenario(scenario)
        problems = problems + unknown
    problems = problems + validate(scenario, vocabulary)
    return scenario, sorted(set(problems), key=lambda p: (p.line, p.code, p.message))
