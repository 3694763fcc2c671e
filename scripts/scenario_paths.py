"""Walk every path of a scenario and show, for each ending, the flags that reach it.

    .venv/bin/python scripts/scenario_paths.py scenarios/when-the-family-calls.scenario [-v] [-b]

Prints the number of paths, the words a learner reads on each (prose, every offered option's
text, and the chosen option's feedback and "what you might say"), the highest-scoring path, and
per ending the flags that are always set and never set on the paths into it, so an ending's
claims can be read against them. -v lists every flag set per ending; -b prints the best path.
"""

import collections
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.engine.bias import word_count  # noqa: E402
from app.engine.model import NodeKind  # noqa: E402
from app.engine.parser import parse  # noqa: E402
from app.engine.reachability import arrive  # noqa: E402


def words_at(node, flags, option=None):
    count = word_count(node.text)
    if node.kind == NodeKind.CHOICE:
        count += sum(word_count(o.text) for o in node.offered_options(flags))
        count += word_count(option.feedback) + word_count(option.say)
    if node.kind == NodeKind.ENDING:
        count += word_count(node.outcome)
    return count


def all_paths(scenario):
    """(ending, flags, words, score sum, [(node id, option index or None)]) for every path."""
    found = []
    stack = [(arrive(scenario, scenario.start, frozenset()), frozenset(), 0, 0, [])]
    while stack:
        node_id, flags, words, score, trail = stack.pop()
        node = scenario.nodes[node_id]
        if node.kind == NodeKind.ENDING:
            found.append((node_id, flags, words + words_at(node, flags), score, trail))
        elif node.kind == NodeKind.CHOICE:
            for option in node.offered_options(flags):
                after = flags | frozenset(option.sets)
                stack.append(
                    (
                        arrive(scenario, option.target, after),
                        after,
                        words + words_at(node, flags, option),
                        score + sum(option.scores.values()),
                        [*trail, (node_id, option.index)],
                    )
                )
        else:
            route = node.next_route(flags)
            target = arrive(scenario, route.target, flags)
            stack.append(
                (target, flags, words + words_at(node, flags), score, [*trail, (node_id, None)])
            )
    return found


def main(argv):
    scenario, problems = parse(Path(argv[1]).read_text(encoding="utf-8"), argv[1])
    if problems:
        print(*problems, sep="\n")
        return 1
    paths = all_paths(scenario)
    counts = [p[2] for p in paths]
    print(f"paths {len(paths)}; words median {statistics.median(counts)}, max {max(counts)}")
    best = max(paths, key=lambda p: (p[3], -p[2]))
    print(f"best path: score {best[3]}, ending {best[0]}, {best[2]} words")
    reaching = collections.defaultdict(set)
    for ending, flags, *_ in paths:
        reaching[ending].add(flags)
    for ending, sets in sorted(reaching.items()):
        always = sorted(frozenset.intersection(*sets))
        never = sorted(set(scenario.flags) - set().union(*sets))
        print(f"\n{ending}: {len(sets)} flag sets\n  always: {always}\n  never: {never}")
        if "-v" in argv:
            for flags in sorted(sets, key=sorted):
                print("   ", sorted(flags))
    if "-b" in argv:
        for node_id, index in best[4]:
            if index is not None:
                print(node_id, "->", scenario.nodes[node_id].options[index].text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
