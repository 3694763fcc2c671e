"""The scenario map: every node and arrow drawn, problems marked, no boxes overlapping."""

from __future__ import annotations

import random
import re
from pathlib import Path
from xml.etree import ElementTree

from app.authoring.layout import layout
from app.authoring.locate import by_node
from app.authoring.svg import map_rows, render_svg
from app.engine import check_text, parse
from tests.unit.engine.helpers import VOCAB

ROOT = Path(__file__).resolve().parents[3]
SVG = "{http://www.w3.org/2000/svg}"


def _draw(text: str):
    scenario, problems = check_text(text, "x", VOCAB)
    counts = {k: len(v) for k, v in by_node(text, problems).items() if k}
    plan = layout(scenario)
    svg = render_svg(scenario, plan, counts, lambda n: f"/edit/{n}")
    return scenario, plan, ElementTree.fromstring(svg), counts


def test_known_scenario_has_every_node_linked_and_every_arrow():
    text = (ROOT / "tests/fixtures/short-visit.scenario").read_text()
    text = text.replace("  -> ending-alone", "  -> nowhere")  # one broken arrow
    scenario, plan, svg, counts = _draw(text)
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == {f"/edit/{n}" for n in scenario.nodes}
    labels = {a.get("aria-label") for a in links.values()}
    assert "Scene intro: Dana says all is well., the start" in labels
    assert "Ending ending-whole: You saw the whole picture" in labels
    # each name holds the node's visible text in order (WCAG 2.5.3, label in name)
    second = links["/edit/second"]
    said = second.get("aria-label")
    assert said.startswith("Choice second: The school rings.") and said.endswith(", ⚠ 1 problem")
    # kinds are told apart by shape and written label, not colour alone
    assert links["/edit/first"].find(f"{SVG}polygon") is not None
    assert len(links["/edit/ending-whole"].findall(f"{SVG}rect")) == 2
    assert "CHOICE · first" in "".join(links["/edit/first"].itertext())
    assert "⚠ 1 problem" in "".join(links["/edit/second"].itertext())
    assert links["/edit/second"].find(f"{SVG}polygon").get("stroke-dasharray") == "8 4"
    arrows = {
        (p.get("data-from"), p.get("data-to")) for p in svg.iter(f"{SVG}path") if p.get("data-from")
    }
    assert arrows == {
        ("intro", "first"), ("first", "after-first"), ("after-first", "why"), ("why", "second"),
        ("second", "ending-whole"), ("second", "optional-note"), ("optional-note", "ending-partial"),
    }  # fmt: skip
    assert plan.missing == [("second", "nowhere")]
    rows = {r.id: r for r in map_rows(scenario, counts)}
    assert ("Say you cannot share without consent.", "nowhere", False) in rows["second"].leads_to
    assert rows["ending-alone"].comes_from == [] and rows["why"].comes_from == ["after-first"]


def _generated(n: int = 60, seed: int = 5) -> str:
    """A tangled 60-node scenario: choices with up to four options, jumps ahead and back."""
    rnd = random.Random(seed)
    lines = ["id: big", "title: Big", "summary: s", "role: r", "agencies: health",
             "competencies: curiosity", "minutes: 5", "start: n0", ""]  # fmt: skip
    for i in range(n):
        if i >= n - 6:
            lines += [f"=== ending: n{i}", f"outcome: End {i}", "", "Done.", ""]
            continue
        kind = rnd.choice(["scene", "choice", "choice", "reflection"])
        if kind == "choice":
            lines += [f"=== choice: n{i}", "What now?", ""]
            for j in range(rnd.randint(2, 4)):
                target = (
                    rnd.randint(i + 1, min(n - 1, i + 9))
                    if rnd.random() > 0.1
                    else rnd.randint(0, i)
                )
                lines += [f"* Option {j}", f"  -> n{target}", "  feedback: ok", ""]
        else:
            lines += [
                f"=== {kind}: n{i}",
                "Text.",
                "",
                f"-> n{rnd.randint(i + 1, min(n - 1, i + 5))}",
                "",
            ]
    return "\n".join(lines)


def test_sixty_node_map_has_no_overlapping_boxes_and_stays_readable():
    scenario, plan, svg, _ = _draw(_generated())
    assert len(scenario.nodes) == 60
    boxes = []
    for link in svg.iter(f"{SVG}a"):
        shape = link.find(f"{SVG}rect")
        if shape is not None:
            x, y, w, h = (float(shape.get(k)) for k in ("x", "y", "width", "height"))
        else:
            points = [
                tuple(map(float, p.split(",")))
                for p in link.find(f"{SVG}polygon").get("points").split()
            ]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            x, y, w, h = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
        boxes.append((link.get("href"), x, y, w, h))
    assert len(boxes) == 60
    for i, (a, ax, ay, aw, ah) in enumerate(boxes):
        for b, bx, by, bw, bh in boxes[i + 1 :]:
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, f"{a} overlaps {b}"
    # readable: text is drawn at 12px or more and the drawing keeps its natural size
    assert all(float(t.get("font-size")) >= 12 for t in svg.iter(f"{SVG}text"))
    assert float(svg.get("width")) == round(plan.width) and plan.width < 4000


def test_every_repository_scenario_lays_out_without_overlap():
    for path in sorted((ROOT / "scenarios").glob("*.scenario")):
        plan = layout(parse(path.read_text())[0])
        boxes = list(plan.boxes.values())
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert (
                    a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
                ), (path, a.id, b.id)


def test_user_text_in_the_map_is_escaped():
    text = (ROOT / "tests/fixtures/short-visit.scenario").read_text()
    text = text.replace("Dana says all is well.", "<script>alert(1)</script> & more")
    scenario, _, svg, _ = _draw(text)
    raw = render_svg(scenario, layout(scenario), {}, lambda n: f"/edit/{n}?a=1&b=<2>")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    assert re.search(r'href="/edit/intro\?a=1&amp;b=&lt;2&gt;"', raw)
