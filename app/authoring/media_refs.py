"""Images and audio referred to in a scenario's text, and every reference that the player could
not show, as a checker problem saying why (never dropped without a word). Pure.

The one form, copied from the draft's Media page: `![what it shows](media:name)`. The uploaded
file decides whether it is drawn as an image (the words are its alt text) or as an audio player
(the words are its title, and its transcript is shown beneath)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..engine import Problem

IMAGE_REF = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_MEDIA = re.compile(r"<\s*(img|audio|video|source|picture|svg|iframe)\b", re.IGNORECASE)
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
CODE = "media"


def reference(name: str, words: str) -> str:
    """The text an author pastes into a step for an uploaded file."""
    return f"![{words}](media:{name})"


def names_in(text: str) -> set[str]:
    """Every `media:name` referred to in the text."""
    return {
        m[2].removeprefix("media:") for m in IMAGE_REF.finditer(text) if m[2].startswith("media:")
    }


def _why(words: str, target: str, known: Mapping[str, str]) -> str | None:
    if not target.startswith("media:"):
        where = "another website" if re.match(r"(?i)https?:|//", target) else f"'{target}'"
        return (
            f"the image from {where} is not shown to learners: only files uploaded on this "
            "draft's Media page can be. Upload it there and paste the reference it gives"
        )
    name = target.removeprefix("media:")
    kind = known.get(name)
    if kind is None:
        return (
            f"there is no uploaded image or audio called '{name}' for this scenario, so "
            "learners would see nothing. Upload it on the Media page, or copy the reference "
            "from the list there"
        )
    if not words.strip():
        what = "what the image shows" if kind == "image" else "a title for the audio"
        return (
            f"the {kind} '{name}' has nothing between the square brackets: write {what} "
            f"there, like {reference(name, 'A pair of boots by the door' if kind == 'image' else 'Audio: the voicemail')}"
        )
    return None


def media_problems(text: str, known: Mapping[str, str], path: str = "") -> list[Problem]:
    """A problem for each image or audio reference the player could not show. `known` maps
    each uploaded file's name (for this scenario) to its kind, "image" or "audio"."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("//"):
            continue
        for match in IMAGE_REF.finditer(line):
            why = _why(match[1], match[2], known)
            if why:
                problems.append(Problem(path, number, CODE, why))
        html = HTML_MEDIA.search(line)
        if html:
            problems.append(
                Problem(
                    path,
                    number,
                    CODE,
                    f"the HTML <{html[1].lower()}> is removed before learners see the step: "
                    "upload the file on the Media page and paste the reference it gives",
                )
            )
    return problems
