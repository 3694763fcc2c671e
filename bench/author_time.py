"""How long a first-time author takes to write the walk's eight-step brief ("The boots by the
door", ~850 words) on three paths, from counts, with one time model (keystroke-level style):

    time = words / WPM  +  page loads x LOAD  +  saves x SAVE  +  fields x FIELD
           +  judgements x JUDGE  +  picks x PICK

- words: prose the author composes and types themselves (the platform's words, such as a
  supervision question ticked from the bank, are not typed but picked);
- a page load: waiting for it and finding one's place on the new page;
- a save: pressing the button and reading what it says;
- a field: moving to it and starting to type (its words are counted separately);
- a judgement: a decision the author has to think out: an id, a kind of step, where a link
  goes, a score from -2 to +2, which of 23 tags, a stage, the agencies, each competency,
  how strong an option is;
- a pick: choosing from a short list the page offers (a question from the bank, a debrief
  opening, confirming a suggested tag).

The operator times are set once (below), then the composing rate WPM is calibrated so the walk's
own path lands in the middle of the walk's estimate (60-90 minutes); the same model is applied
to the editor path (tests/browser/test_author_editor_in_browser.py) and the pattern path
(tests/browser/test_author_pattern_in_browser.py, which measures its own counts).
`python -m bench.author_time` prints the table and the sensitivity at both ends of 60-90."""

from __future__ import annotations

from dataclasses import dataclass

LOAD, SAVE, FIELD, JUDGE, PICK = 10.0, 3.0, 2.0, 15.0, 5.0  # seconds
WALK_MINUTES = (60.0, 90.0)


@dataclass(frozen=True)
class Path:
    name: str
    page_loads: int
    saves: int
    words: int
    fields: int
    judgements: int
    picks: int = 0

    def overhead_seconds(self) -> float:
        return (self.page_loads * LOAD + self.saves * SAVE + self.fields * FIELD
                + self.judgements * JUDGE + self.picks * PICK)  # fmt: skip

    def minutes(self, wpm: float) -> float:
        return self.words / wpm + self.overhead_seconds() / 60


# The walk (author-walk-2026-11.md, sections 1 and 2): ~55 page loads, ~25 saves, ~850 words.
# Fields: title, id; summary, role, content note; 7 node ids typed on Overview; 8 node texts;
# 3 outcomes; 3 option texts, 3 feedbacks; 6 supervision boxes (3 options, 3 endings) = 35.
# Judgements: agencies, 3 competencies, minutes, flags, first node (7); a kind for each of the
# 7 added nodes (7); 5 "Go to" and 3 "Leads to" targets (8); scores, 3 options x 3
# competencies (9); a tag per option from 23 (3); a stage for each of 7 questions (7) = 41.
WALK = Path("before (the walk)", page_loads=55, saves=25, words=850, fields=35, judgements=41)

# The editor path, counted from test_the_author_walks_eight_step_brief_in_half_the_page_loads
# (24-25 page loads for the writing; its bound is 27), with the brief's full content: saves:
# create, details, 11 step and option saves (13). Fields: title, id, summary, role, content
# note (5); 7 titles of new steps; 8 step texts; 3 option texts, 3 feedbacks; 6 supervision
# boxes = 32. Judgements: agencies, 3 competencies, first node (5); 7 "A new step..." targets
# and 7 kinds (14); 9 scores; 3 tags; 7 stages = 38. The same ~850 words.
EDITOR = Path("editor (forwards, autosave)", page_loads=25, saves=13, words=850, fields=32,
              judgements=38)  # fmt: skip


def calibrated_wpm(walk_minutes: float, walk: Path = WALK) -> float:
    """The composing rate that puts the walk's path at `walk_minutes`."""
    return walk.words / (walk_minutes - walk.overhead_seconds() / 60)


def table(paths: list[Path], walk_minutes: float = sum(WALK_MINUTES) / 2) -> list[str]:
    wpm = calibrated_wpm(walk_minutes)
    rows = [f"composing rate {wpm:.1f} words a minute (walk's path at {walk_minutes:.0f} min)"]
    for path in paths:
        rows.append(
            f"{path.name}: {path.minutes(wpm):.1f} min ({path.words / wpm:.1f} writing prose, "
            f"{path.overhead_seconds() / 60:.1f} everything else)"
        )
    return rows


if __name__ == "__main__":  # pragma: no cover - a report
    for minutes in (*WALK_MINUTES, sum(WALK_MINUTES) / 2):
        print("\n".join(table([WALK, EDITOR], minutes)), end="\n\n")
