"""Turn a Twine 2 story into a draft scenario, listing everything that could not be mapped.

Passages become nodes: a passage with two or more links is a choice (each link an option), one
link a scene (the link becomes its `->`), no links an ending (its name the outcome). A passage
tagged `reflection` with one link becomes a reflection. The start passage is the start.

Imported options get **no** feedback on purpose. Feedback is the heart of a scenario and Twine
has nothing like it, so a placeholder would only let an unfinished scenario be published:
the checker names every option without feedback, and the warnings say how many there are.
Header fields Twine does not have (summary, role, agencies, competencies) are left empty for the
same reason, and the checker points at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine import NodeKind
from ..engine.model import Node, Option, Route, Scenario
from ..engine.wording import plural
from . import normalise as norm
from .serialise import to_text
from .twine_read import Passage, Story
from .twine_text import clean, split_links

SPECIAL_PASSAGES = {
    "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle", "StoryAuthor",
    "StoryShare", "StoryInterface", "PassageReady", "PassageDone", "PassageHeader",
    "PassageFooter",
}  # fmt: skip
SPECIAL_TAGS = {"header", "footer", "startup", "debug-header", "debug-footer", "debug-startup",
                "widget", "script", "stylesheet"}  # fmt: skip
MAPPED_TAGS = {"reflection"}


@dataclass(frozen=True)
class Imported:
    scenario: Scenario
    text: str
    warnings: list[str]


def slug(name: str, taken: set[str], fallback: str = "passage") -> str:
    """A node id from a passage name, unique among `taken` (which it joins)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _story_parts(story: Story, warnings: list[str]) -> list[Passage]:
    if story.scripts and any(s.strip() for s in story.scripts):
        warnings.append("The story's JavaScript was not imported: scenarios run no scripts.")
    if story.styles and any(s.strip() for s in story.styles):
        warnings.append("The story's stylesheet was not imported: the site's own styles are used.")
    kept = []
    for passage in story.passages:
        special = passage.name in SPECIAL_PASSAGES or set(passage.tags) & SPECIAL_TAGS
        if special:
            warnings.append(
                f"Passage '{passage.name}' is special to the story format: not imported."
            )
        elif passage.name.strip():
            kept.append(passage)
    return kept


def import_story(story: Story) -> Imported:
    warnings: list[str] = []
    passages = _story_parts(story, warnings)
    taken: set[str] = set()
    ids = {p.name: slug(p.name, taken) for p in passages}
    start_name = story.start if story.start in ids else (passages[0].name if passages else "")
    if story.start and story.start not in ids:
        warnings.append(f"The start passage '{story.start}' was not found; '{start_name}' is used.")
    nodes: dict[str, Node] = {}
    missing_feedback = 0
    for passage in passages:
        node_id = ids[passage.name]
        text, links, notes = split_links(passage.text)
        text, more = clean(text, story.format)
        for note in notes + more:
            warnings.append(f"In '{passage.name}': {note}.")
        extra = [t for t in passage.tags if t not in MAPPED_TAGS]
        if extra:
            warnings.append(f"In '{passage.name}': tags {', '.join(extra)} not imported.")
        targets = []
        for link in links:
            target = ids.get(link.target) or ids.get(link.target.strip())
            if target is None:
                target = slug(link.target, set(), "missing")
                warnings.append(
                    f"In '{passage.name}': the link '{link.text}' goes to '{link.target}', "
                    "which is not a passage; the checker shows it as an unknown target."
                )
            targets.append(target)
        kind = (
            NodeKind.ENDING if not links else NodeKind.CHOICE if len(links) > 1 else NodeKind.SCENE
        )
        if kind == NodeKind.SCENE and "reflection" in passage.tags:
            kind = NodeKind.REFLECTION
        elif "reflection" in passage.tags:
            warnings.append(f"In '{passage.name}': tagged reflection but has {len(links)} links.")
        options = tuple(
            Option(index=i, text=norm.one_line(link.text) or target, line=0, target=target)
            for i, (link, target) in enumerate(zip(links, targets, strict=True))
        ) if kind == NodeKind.CHOICE else ()  # fmt: skip
        missing_feedback += len(options)
        nodes[node_id] = Node(
            id=node_id,
            kind=kind,
            line=0,
            text=norm.prose(kind, text),
            routes=(Route(targets[0], None, 0),) if kind.routed else (),
            options=options,
            outcome=norm.one_line(passage.name) if kind == NodeKind.ENDING else "",
        )
    if missing_feedback:
        warnings.append(
            f"{plural(missing_feedback, 'option')} need feedback before the scenario can be "
            "published."
        )
    words = sum(len(n.text.split()) for n in nodes.values())
    scenario = Scenario(
        id=slug(story.name or "imported story", set()),
        title=norm.one_line(story.name) or "Imported story",
        summary="",
        role="",
        agencies=(),
        competencies=(),
        minutes=min(600, max(5, round(words / 150))),
        flags=(),
        content_note="",
        start=ids.get(start_name, ""),
        nodes=nodes,
    )
    return Imported(scenario, to_text(scenario), warnings)
