"""Parsing: what an author's text turns into, and every form of broken syntax, with its line."""

from app.engine import parse

from .helpers import CLEAN, PATH, build, check, line_of, scenario, where


def test_the_clean_scenario_has_no_problems():
    assert check(scenario(CLEAN)) == []


def test_header_values_are_read():
    s = build(scenario(CLEAN))
    assert (s.id, s.title, s.role, s.minutes, s.start) == (
        "test-case",
        "A test case",
        "Tester",
        5,
        "begin",
    )
    assert s.agencies == ("health",)
    assert s.competencies == ("triangulation", "curiosity")
    assert s.flags == ("visited-home", "spoke-to-school")
    assert s.path == PATH
    assert list(s.nodes) == ["begin", "ask", "home-visit", "done"]
    assert [s.node(n).kind for n in s.nodes] == ["scene", "choice", "reflection", "ending"]


def test_header_value_may_go_on_over_indented_lines_and_comments_are_ignored():
    text = scenario(CLEAN).replace(
        "summary: A small scenario for the engine's tests.\n",
        "// a comment the learner never sees\nsummary: A small scenario\n  over two lines.\n",
    )
    s = build(text)
    assert s.summary == "A small scenario over two lines."


def test_nodes_keep_their_prose_routes_and_settings():
    text = scenario(CLEAN)
    s = build(text)
    begin = s.node("begin")
    assert begin.text == "It is Monday morning."
    assert [(r.target, r.condition, r.line) for r in begin.routes] == [
        ("ask", None, line_of(text, "-> ask"))
    ]
    done = s.node("done")
    assert done.outcome == "The review is written up"
    assert done.tags == ("home-visit",)
    assert [(p.stage, p.text) for p in done.supervision] == [("analysis", "What made you decide?")]
    assert done.text == "The week goes on."
    assert s.node("home-visit").optional is False


def test_options_keep_their_details():
    text = scenario(CLEAN)
    first, second = build(text).node("ask").options
    assert (first.index, first.text, first.line) == (
        0,
        "Visit her at home.",
        line_of(text, "* Visit her at home."),
    )
    assert (first.target, first.target_line) == ("home-visit", line_of(text, "-> home-visit"))
    assert first.sets == ("visited-home",)
    assert dict(first.scores) == {"triangulation": 2}
    assert first.feedback == "You see the home for yourself."
    assert (second.index, second.target, dict(second.scores)) == (1, "done", {"triangulation": -1})
    assert second.tags == ("relied-on-self-report",)


def test_conditions_read_flags_not_and_and():
    s = build(
        scenario("""
        === scene: begin
        if: visited-home and not spoke-to-school
        else: done
        Text.

        -> done if not visited-home
        -> done

        === ending: done
        outcome: Over
    """)
    )
    begin = s.node("begin")
    assert begin.condition.literals == (("visited-home", True), ("spoke-to-school", False))
    assert begin.condition.holds(frozenset({"visited-home"}))
    assert not begin.condition.holds(frozenset({"visited-home", "spoke-to-school"}))
    assert begin.else_target == "done"
    assert begin.routes[0].condition.literals == (("visited-home", False),)
    assert begin.routes[1].condition is None


# -- broken syntax: each reported as 'syntax' on the line the author must fix ----------------


def syntax_lines(text):
    return where(check(text), "syntax")


def test_bad_node_header():
    text = scenario(CLEAN + "\n=== scene orphan\nText.\n")
    assert syntax_lines(text) == [(PATH, line_of(text, "=== scene orphan"))]


def test_unknown_node_kind():
    text = scenario(CLEAN + "\n=== question: extra\nText.\n")
    problems = check(text)
    assert where(problems, "syntax") == [(PATH, line_of(text, "=== question: extra"))]
    assert "question" in next(p.message for p in problems if p.code == "syntax")


def test_header_line_without_colon():
    text = scenario(CLEAN).replace("role: Tester", "role Tester")
    problems = check(text)
    assert where(problems, "syntax") == [(PATH, 4)]
    assert line_of(text, "role Tester") == 4
    # ...and the role it meant to give is then missing
    assert where(problems, "missing-field") == [(PATH, 1)]


def test_option_detail_not_indented():
    for indent in ("", " "):
        body = CLEAN.replace(
            "  feedback: You see the home for yourself.",
            f"{indent}feedback: You see the home for yourself.",
        )
        text = scenario(body)
        problems = check(text)
        assert where(problems, "syntax") == [
            (PATH, line_of(text, "feedback: You see the home for yourself."))
        ], indent
        # the detail did not reach the option, so the option has no feedback
        assert where(problems, "missing-feedback") == [
            (PATH, line_of(text, "* Visit her at home."))
        ]


def test_text_after_a_route_line():
    text = scenario(CLEAN.replace("-> ask\n", "-> ask\nShe sounds tired.\n"))
    assert syntax_lines(text) == [(PATH, line_of(text, "She sounds tired."))]


def test_route_in_a_choice_node():
    text = scenario(CLEAN.replace("What do you do?\n", "What do you do?\n-> home-visit\n"))
    assert syntax_lines(text) == [(PATH, line_of(text, "-> home-visit"))]


def test_bad_condition():
    text = scenario(
        CLEAN.replace("-> ask\n", "-> ask if visited-home or spoke-to-school\n-> ask\n")
    )
    assert syntax_lines(text) == [
        (PATH, line_of(text, "-> ask if visited-home or spoke-to-school"))
    ]


def test_bad_condition_in_an_option():
    text = scenario(CLEAN.replace("  set: visited-home", "  if: Visited Home"))
    assert syntax_lines(text) == [(PATH, line_of(text, "if: Visited Home"))]


def test_bad_score_syntax():
    text = scenario(CLEAN.replace("scores: triangulation +2", "scores: triangulation plus two"))
    problems = check(text)
    assert where(problems, "syntax") == [(PATH, line_of(text, "scores: triangulation plus two"))]
    assert "triangulation plus two" in next(p.message for p in problems if p.code == "syntax")


def test_option_without_a_target():
    text = scenario(CLEAN.replace("  -> home-visit\n", ""))
    assert (PATH, line_of(text, "* Visit her at home.")) in syntax_lines(text)


def test_minutes_must_be_a_whole_number():
    text = scenario(CLEAN).replace("minutes: 5", "minutes: about ten")
    assert syntax_lines(text) == [(PATH, line_of(text, "minutes: about ten"))]


def test_unknown_supervision_stage():
    text = scenario(CLEAN.replace("(analysis)", "(musing)"))
    assert syntax_lines(text) == [
        (PATH, line_of(text, "supervision: (musing) What made you decide?"))
    ]


def test_every_syntax_problem_is_reported_at_once_in_line_order():
    text = scenario(
        CLEAN.replace("-> ask\n", "-> ask\nStray text.\n") + "\n=== nonsense\n=== question: q\n"
    )
    lines = [line for _, line in syntax_lines(text)]
    assert lines == [
        line_of(text, "Stray text."),
        line_of(text, "=== nonsense"),
        line_of(text, "=== question: q"),
    ]


def test_duplicate_node_id_reports_the_second_one():
    text = scenario(CLEAN + "\n=== ending: done\noutcome: Again\n")
    problems = check(text)
    first, second = line_of(text, "=== ending: done"), line_of(text, "=== ending: done", nth=2)
    assert where(problems, "duplicate-id") == [(PATH, second)]
    assert f"line {first}" in next(p.message for p in problems if p.code == "duplicate-id")
    # the first one is kept
    assert parse(text, PATH)[0].node("done").outcome == "The review is written up"


def test_node_setting_may_go_on_over_indented_lines():
    text = scenario(CLEAN).replace(
        "supervision: (analysis) What made you decide?\n",
        "supervision: (analysis) What made you decide\n  so quickly that day?\n"
        "supervision: And what would you do next time?\n",
    )
    done = build(text).nodes["done"]
    assert [p.text for p in done.supervision] == [
        "What made you decide so quickly that day?",
        "And what would you do next time?",
    ]
    assert done.supervision[0].stage == "analysis"
    assert done.text == "The week goes on."
