"""A draft's `//` comments survive an edit through the forms, in the place they were written."""

from __future__ import annotations

from app.authoring import SetDetails, apply_to_text
from app.authoring.drafting import lost_in_rewrite

TEXT = """\
// Draft by the school team: check the dates with Priya.
id: doorstep
title: The doorstep
summary: A short visit.
role: Health visitor
agencies: health
competencies: triangulation
minutes: 10
start: opening

// The first scene sets the tone.
=== scene: opening
Dana opens the door.
// TODO: say what the hallway looks like
-> end

=== ending: end
outcome: mixed
It ends.
// a closing thought
"""


def _details(**changes):
    fields = dict(id="doorstep", title="The doorstep", summary="A short visit.",
                  role="Health visitor", agencies=("health",), competencies=("triangulation",),
                  minutes=10, start="opening")  # fmt: skip
    return SetDetails(**{**fields, **changes})


def test_comments_stay_where_they_were_written_after_a_form_edit():
    after = apply_to_text(TEXT, _details(title="At the doorstep"))
    assert "title: At the doorstep" in after
    lines = after.splitlines()
    assert lines[0] == "// Draft by the school team: check the dates with Priya."
    assert lines[1].startswith("id: ")
    opening = lines.index("=== scene: opening")
    assert lines[opening - 1] == "// The first scene sets the tone."
    assert lines[opening + 1] == "// TODO: say what the hallway looks like"
    assert "// a closing thought" in lines
    assert lost_in_rewrite(after) == []
    bare = "\n".join(ln for ln in TEXT.splitlines() if not ln.startswith("//")) + "\n"
    without = apply_to_text(bare, _details(title="At the doorstep"))
    kept = "\n".join(ln for ln in after.splitlines() if not ln.startswith("//"))
    assert kept.rstrip("\n") == without.rstrip("\n")  # the comments change nothing else


def test_every_comment_survives_two_edits_in_a_row():
    once = apply_to_text(TEXT, _details(title="One"))
    twice = apply_to_text(once, _details(title="Two"))
    comments = [ln for ln in TEXT.splitlines() if ln.startswith("//")]
    assert [ln for ln in twice.splitlines() if ln.startswith("//")] == comments
