"""The checker's view of images and audio in a scenario's text: every reference the player
could not show is a problem on its line, saying why."""

from __future__ import annotations

from app.authoring.media_refs import media_problems, names_in

TEXT = """=== scene: intro
![Boots by the door](media:boots)
![](media:boots)
![A map](https://example.org/map.png)
![Voicemail](media:gone)
<img src="x.png">
// ![commented out](http://example.org/x.png)
"""


def test_each_reference_that_cannot_be_shown_is_a_problem_on_its_line():
    problems = media_problems(TEXT, {"boots": "image"})
    found = {p.line: p.message for p in problems}
    assert sorted(found) == [3, 4, 5, 6]  # line 2 is fine and line 7 is a comment
    assert "has nothing between the square brackets" in found[3]
    assert "from another website is not shown" in found[4]
    assert "no uploaded image or audio called 'gone'" in found[5]
    assert "the HTML <img> is removed" in found[6]


def test_an_audio_reference_without_a_title_asks_for_one():
    [problem] = media_problems("![](media:call)\n", {"call": "audio"})
    assert "write a title for the audio there, like ![Audio: the voicemail](media:call)" in (
        problem.message
    )


def test_names_in_lists_only_media_references():
    assert names_in(TEXT) == {"boots", "gone"}
