"""The checker: names, targets, fields and numbers, each reported with its code, file and line."""

from app.engine import check_text

from .helpers import CLEAN, PATH, VOCAB, check, line_of, message, scenario, where


def test_the_path_passed_in_is_the_path_reported():
    text = scenario(CLEAN.replace("  -> done\n", "  -> nowhere\n"))
    _, problems = check_text(text, "elsewhere/other.scenario", VOCAB)
    assert where(problems, "unknown-target") == [
        ("elsewhere/other.scenario", line_of(text, "-> nowhere"))
    ]
    assert str(problems[0]).startswith(f"elsewhere/other.scenario:{line_of(text, '-> nowhere')}: ")


# -- unknown targets -------------------------------------------------------------------------


def test_unknown_route_target():
    text = scenario(CLEAN.replace("-> ask\n", "-> aks if spoke-to-school\n-> ask\n"))
    assert where(check(text), "unknown-target") == [
        (PATH, line_of(text, "-> aks if spoke-to-school"))
    ]


def test_unknown_option_target():
    text = scenario(CLEAN.replace("  -> done\n", "  -> nowhere\n"))
    problems = check(text)
    assert where(problems, "unknown-target") == [(PATH, line_of(text, "-> nowhere"))]
    assert "nowhere" in message(problems, "unknown-target")


def test_unknown_else_target():
    text = scenario(
        CLEAN.replace(
            "=== reflection: home-visit\n",
            "=== reflection: home-visit\nif: visited-home\nelse: nowhere\n",
        )
    )
    assert where(check(text), "unknown-target") == [(PATH, line_of(text, "else: nowhere"))]


# -- start -----------------------------------------------------------------------------------


def test_no_start_line():
    text = scenario(CLEAN).replace("start: begin\n", "")
    assert where(check(text), "missing-start") == [(PATH, 1)]


def test_start_naming_a_missing_node():
    text = scenario(CLEAN, start="beginning")
    problems = check(text)
    assert where(problems, "missing-start") == [(PATH, line_of(text, "start: beginning"))]
    assert line_of(text, "start: beginning") == 9
    assert "beginning" in message(problems, "missing-start")


# -- names from the vocabulary and the header --------------------------------------------------


def test_unknown_flag_in_a_condition():
    text = scenario(CLEAN.replace("-> ask\n", "-> ask if visted-home\n-> ask\n"))
    problems = check(text)
    assert where(problems, "unknown-flag") == [(PATH, line_of(text, "-> ask if visted-home"))]
    assert "visted-home" in message(problems, "unknown-flag")


def test_unknown_flag_in_a_node_if():
    text = scenario(
        CLEAN.replace(
            "=== reflection: home-visit\n", "=== reflection: home-visit\nif: saw-kids\nelse: done\n"
        )
    )
    assert where(check(text), "unknown-flag") == [(PATH, line_of(text, "if: saw-kids"))]


def test_unknown_flag_in_set():
    text = scenario(CLEAN.replace("set: visited-home", "set: visited-home, visited-school"))
    assert where(check(text), "unknown-flag") == [
        (PATH, line_of(text, "set: visited-home, visited-school"))
    ]


def test_unknown_tag_on_an_ending_and_an_option():
    text = scenario(
        CLEAN.replace("tags: home-visit\n\n", "tags: home-visit, went-well\n\n").replace(
            "tags: relied-on-self-report", "tags: took-her-word"
        )
    )
    assert where(check(text), "unknown-tag") == [
        (PATH, line_of(text, "tags: home-visit, went-well")),
        (PATH, line_of(text, "tags: took-her-word")),
    ]


def test_unknown_competency_in_the_header():
    text = scenario(CLEAN, competencies="triangulation, juggling")
    problems = check(text)
    assert where(problems, "unknown-competency") == [(PATH, 6)]
    assert line_of(text, "competencies: triangulation, juggling") == 6
    assert "juggling" in message(problems, "unknown-competency")


def test_unknown_competency_in_scores():
    text = scenario(CLEAN.replace("scores: triangulation -1", "scores: triangulaton -1"))
    assert where(check(text), "unknown-competency") == [
        (PATH, line_of(text, "scores: triangulaton -1"))
    ]


def test_unknown_agency():
    text = scenario(CLEAN).replace("agencies: health", "agencies: health, hospital")
    assert where(check(text), "unknown-agency") == [(PATH, 5)]


def test_score_outside_the_range():
    for bad in ("+3", "-3"):
        text = scenario(CLEAN.replace("scores: triangulation -1", f"scores: triangulation {bad}"))
        problems = check(text)
        assert where(problems, "score-range") == [
            (PATH, line_of(text, f"scores: triangulation {bad}"))
        ], bad
        assert bad in message(problems, "score-range")


def test_scores_at_the_limits_are_fine():
    text = scenario(
        CLEAN.replace("scores: triangulation -1", "scores: triangulation -2, curiosity +2")
    )
    assert check(text) == []


# -- fields an author must give --------------------------------------------------------------


def test_option_without_feedback():
    text = scenario(CLEAN.replace("  feedback: It is quick, but you only have her account.\n", ""))
    problems = check(text)
    assert where(problems, "missing-feedback") == [(PATH, line_of(text, "* Take her word for it."))]
    assert "Take her word for it." in message(problems, "missing-feedback")


def test_ending_without_outcome():
    text = scenario(CLEAN.replace("outcome: The review is written up\n", ""))
    assert where(check(text), "missing-field") == [(PATH, line_of(text, "=== ending: done"))]


def test_if_without_else():
    text = scenario(
        CLEAN.replace(
            "=== reflection: home-visit\n", "=== reflection: home-visit\nif: visited-home\n"
        )
    )
    problems = check(text)
    assert where(problems, "missing-field") == [(PATH, line_of(text, "if: visited-home"))]
    assert "else" in message(problems, "missing-field")


def test_missing_header_fields_are_reported_on_line_one():
    text = scenario(CLEAN).replace("title: A test case\n", "").replace("minutes: 5\n", "")
    problems = check(text)
    assert where(problems, "missing-field") == [(PATH, 1), (PATH, 1)]
    assert sorted(p.message for p in problems) == [
        "the header has no 'minutes:' line",
        "the header has no 'title:' line",
    ]


# -- engine bugs found while writing these tests: these fail until the engine is fixed ----------


def test_empty_start_value_is_reported():
    """BUG: `start:` with no value passes the checker (no problem at all, and reachability is
    skipped), yet every attempt then fails in stepper.start with StepError('broken')."""
    text = scenario(CLEAN, start="")
    assert line_of(text, "start:") == 9
    assert where(check(text), "missing-start") in ([(PATH, 9)], [(PATH, 1)])


def test_empty_required_header_values_are_reported():
    """BUG: a required header key given with no value ('title:') counts as present."""
    unreported = []
    for key in ("title", "summary", "role", "agencies", "competencies"):
        text = "\n".join(
            f"{key}:" if line.startswith(f"{key}:") else line
            for line in scenario(CLEAN).split("\n")
        )
        if not where(check(text), "missing-field"):
            unreported.append(key)
    assert unreported == []


def test_if_without_else_is_not_described_as_a_circle():
    """BUG: when a node with `if:` and no `else:` is reached with its condition false, the
    validator adds a 'dead-end' saying "its 'else:' targets lead round in a circle": there is no
    else and no circle (reachability.arrive raises RedirectLoop for a missing else)."""
    text = scenario(
        CLEAN.replace(
            "=== reflection: home-visit\n", "=== reflection: home-visit\nif: spoke-to-school\n"
        )
    )
    problems = check(text)
    assert where(problems, "missing-field") == [(PATH, line_of(text, "if: spoke-to-school"))]
    assert [p.message for p in problems if "circle" in p.message] == []
