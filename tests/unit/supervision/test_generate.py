"""Given these choices and reflections, these prompts."""

from __future__ import annotations

from dataclasses import replace

from app.supervision import generate

from .helpers import NOW, VOCAB, ask, attempt, choice, ending, history, reflection, rules

LEANS = rules(
    """\
    === concern: leans-on-accounts
    when: chose relied-on-self-report in 2+ scenarios
    stage: analysis
    competency: triangulation
    attention: Relied on the parent's account at {count} of {of} decisions
    prompt: In {scenarios} you took the parent's word. What made it feel like enough?
    """
)


def phone_checklist(aid=1, scenario="phone-review", day=0, **kw):
    """An attempt where the learner took the parent's word and wrote a short note after."""
    return attempt(
        aid,
        scenario,
        day=day,
        choices=[
            choice(
                1,
                "Go through the checklist",
                tags=["relied-on-self-report"],
                scores={"think-family": 1, "triangulation": -1},
                prompts=[ask("What made the checklist feel like enough?", "reflection")],
                day=day,
            ),
            choice(
                3,
                "Ask the school",
                tags=["checked-other-sources"],
                offered=["relied-on-self-report"],
                scores={"triangulation": 2},
                day=day,
            ),
        ],
        reflections=[reflection(2, "I rely on mum's account most weeks.", rid=10 + aid, day=day)],
        ending=ending(prompts=[ask("Which moment might have gone differently?")], day=day),
        profile={"triangulation": (1, 4), "think-family": (1, 2)},
        **kw,
    )


def test_a_choice_raises_its_authored_prompt_with_what_triggered_it():
    out = generate(history(phone_checklist()), [], VOCAB, NOW)
    prompt = next(p for p in out.prompts if p.source == "choice")
    assert prompt.text == "What made the checklist feel like enough?"
    assert prompt.stage == "reflection"
    assert prompt.trigger == "Chose “Go through the checklist” (Phone review, 2 March 2026)"
    # a negative score names what the choice missed, with its review finding
    assert prompt.competency == "triangulation" and prompt.findings == (3,)
    # the reflection written just after the choice
    assert prompt.reflection_ids == (11,)
    assert prompt.key.startswith("choice:phone-review:choice-1:")


def test_an_ending_prompt_without_a_stage_goes_to_analysis_and_the_weakest_competency():
    out = generate(history(phone_checklist()), [], VOCAB, NOW)
    prompt = next(p for p in out.prompts if p.source == "ending")
    assert prompt.stage == "analysis"
    assert prompt.trigger.startswith("Reached the ending “You saw part of the picture”")
    assert prompt.competency == "triangulation"  # 1 of 4 is below think-family's 1 of 2


def test_the_same_weak_choice_in_two_scenarios_is_a_pattern_that_needs_attention():
    two = history(phone_checklist(1), phone_checklist(2, "school-call", day=3))
    out = generate(two, LEANS, VOCAB, NOW)
    first = out.prompts[0]
    assert first.key == "rule:leans-on-accounts" and first.source == "pattern"
    assert (
        first.text
        == "In Phone review and School call you took the parent's word. What made it feel like enough?"
    )
    # chosen twice, of four decisions where that option was on offer
    assert out.attention == ("Relied on the parent's account at 2 of 4 decisions",)
    assert first.reflection_ids == (12, 11)  # the notes written after, newest first
    assert "Phone review and School call" in first.trigger


def test_one_scenario_is_not_yet_a_pattern():
    out = generate(history(phone_checklist(1), phone_checklist(2, day=3)), LEANS, VOCAB, NOW)
    assert out.attention == ()
    # the same authored prompt from both attempts comes once, saying it recurred
    repeated = [p for p in out.prompts if p.text == "What made the checklist feel like enough?"]
    assert len(repeated) == 1 and repeated[0].trigger.endswith("also in 1 earlier attempt")


def test_short_and_skipped_reflections_are_raised_from_the_reflections():
    brief = rules(
        """\
        === concern: brief
        when: 2+ reflections under 6 words
        stage: reflection
        attention: {count} of {of} reflections skipped or very short
        prompt: What gets in the way of writing?
        """
    )
    thin = attempt(1, reflections=[reflection(1, "ok", rid=5), reflection(2, None)])
    full = attempt(
        2,
        "school-call",
        day=2,
        reflections=[reflection(1, "A long and careful answer here", rid=6, day=2)],
    )
    out = generate(history(thin, full), brief, VOCAB, NOW)
    assert out.attention == ("2 of 3 reflections skipped or very short",)
    assert out.prompts[0].source == "reflection" and out.prompts[0].reflection_ids == (5,)
    assert generate(history(full), brief, VOCAB, NOW).attention == ()


def test_completed_without_reflections_and_not_in_supervision():
    found = rules(
        """\
        === concern: bare
        when: completed without reflections
        stage: experience
        attention: Completed without writing reflections
        prompt: Tell me about {scenarios}.

        === concern: unsupervised
        when: no supervision since completing
        stage: experience
        attention: Not in supervision since completing {count} ({days} days)
        prompt: What stood out?
        """
    )
    bare = attempt(1, reflections=[reflection(1, "n/a", rid=3), reflection(2, None)])
    out = generate(history(bare), found, VOCAB, NOW)
    assert out.attention == (
        "Completed without writing reflections",
        "Not in supervision since completing 1 (28 days)",
    )
    assert [p.text for p in out.prompts] == ["Tell me about Phone review.", "What stood out?"]
    assert out.prompts[0].reflection_ids == (3,)  # what little they wrote, to talk about


def test_a_competency_low_in_every_attempt_and_a_strength():
    found = rules(
        """\
        === concern: low
        when: competency any below 50% in every attempt
        stage: action
        attention: {competency} below {threshold}% every time ({percent}% overall)
        prompt: What would help with {competency}?

        === strength: strong
        when: competency any at least 50% in every attempt
        stage: action
        prompt: {competency} was strong. What makes it work?
        """
    )
    one = attempt(1, profile={"triangulation": (1, 4), "think-family": (2, 2)})
    two = attempt(
        2, "school-call", day=2, profile={"triangulation": (0, 3), "think-family": (1, 2)}
    )
    out = generate(history(one, two), found, VOCAB, NOW)
    assert out.attention == ("Testing self-report below 50% every time (14% overall)",)
    assert (
        out.prompts[0].key == "rule:low:triangulation"
        and out.prompts[0].competency == "triangulation"
    )
    assert [s.text for s in out.strengths] == ["Think Family was strong. What makes it work?"]
    better = replace(
        two, profile={**two.profile, "triangulation": type(two.profile["triangulation"])(3, 3)}
    )
    assert generate(history(one, better), found, VOCAB, NOW).attention == ()


def test_unfinished_attempts_raise_choices_but_no_ending_or_profile():
    out = generate(history(phone_checklist(done=False)), [], VOCAB, NOW)
    assert {p.source for p in out.prompts} == {"choice"}


def test_generation_is_deterministic_whatever_order_attempts_come_in():
    two = history(phone_checklist(1), phone_checklist(2, "school-call", day=3))
    flipped = history(*reversed(two.attempts))
    first = generate(two, LEANS, VOCAB, NOW)
    assert generate(two, LEANS, VOCAB, NOW) == first
    assert generate(flipped, LEANS, VOCAB, NOW) == first
    priorities = [p.priority for p in first.prompts]
    assert priorities == sorted(priorities)


def test_rules_come_in_file_order_and_unless_gives_way():
    found = rules(
        """        === concern: bare
        when: completed without reflections
        stage: experience
        attention: No reflections
        prompt: Tell me about it.

        === concern: brief
        when: reflections under 6 words
        unless: bare
        stage: experience
        attention: Brief reflections
        prompt: What gets in the way?

        === concern: unsupervised
        when: no supervision since completing
        stage: experience
        attention: Not in supervision
        prompt: What stood out?
        """
    )
    bare = attempt(1, reflections=[reflection(1, "ok", rid=3)])
    assert generate(history(bare), found, VOCAB, NOW).attention == (
        "No reflections",
        "Not in supervision",
    )
    assert generate(history(bare), found[::-1], VOCAB, NOW).attention == (
        "Not in supervision",
        "No reflections",
    )
    written = attempt(
        1,
        reflections=[reflection(1, "ok", rid=3), reflection(2, "A careful and full answer", rid=4)],
    )
    assert generate(history(written), found, VOCAB, NOW).attention == (
        "Brief reflections",
        "Not in supervision",
    )
