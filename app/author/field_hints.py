"""Hint text beside each authoring form field, in plain words: what flags, conditions, scores,
tags, stages and kinds do, each linking to the section of the in-app guide (/author/format, the
same text as scenarios/README.md) that says more."""

from markupsafe import Markup

ID_HINT = "Lower-case letters, digits and hyphens, like 'home-visit'"
CONDITION_HINT = "Optional. A flag, 'not' a flag, or several joined by 'and'"
PROMPT_HINT = (
    "Optional. One question for the learner's supervisor per line. Start a line with "
    "(experience), (reflection), (analysis) or (action) to place it under that heading of the "
    "supervisor's agenda."
)


def guided(text: str, section: str, words: str = "More in the guide") -> Markup:
    """Hint text with a link to the section of the authoring guide (/author/format) that explains
    the field. It opens in a new tab, so nothing typed on the form is lost."""
    return Markup(  # noqa: S704 - the arguments are escaped by format()
        '{} <a class="govuk-link" href="/author/format#{}" target="_blank" rel="noopener">{} '
        "(opens in a new tab)</a>."
    ).format(text, section, words)


TITLE_HINT = "What learners see in the catalogue and at the top of each page."
SLUG_HINT = guided(
    ID_HINT + ". It names the scenario for good, so choose it with care", "the-header"
)
SUMMARY_HINT = guided("Shown in the catalogue: one or two sentences on what happens", "the-header")
ROLE_HINT = guided("Who the learner plays, for example 'School safeguarding lead'", "the-header")
AGENCIES_HINT = "The agencies whose staff should take it; the catalogue can be filtered by these."
COMPETENCIES_HINT = guided(
    "What it teaches. Each option can score -2 to +2 on each of these, and the learner's profile "
    "at the end shows how they did",
    "scores-and-the-competency-profile",
)
MINUTES_HINT = "Roughly how long one play-through takes, in whole minutes."
FLAGS_HINT = guided(
    "Flags remember what the learner did, such as 'visited-home'. An option can set a flag, and "
    "a later step or option can appear only if it is set. List every flag, separated by commas; "
    "this catches typing mistakes",
    "flags-and-conditions",
)
CONTENT_NOTE_HINT = guided(
    "Optional. Shown before the scenario starts, with links to support: say what difficult "
    "subjects it covers",
    "the-header",
)
START_HINT = "The step the learner sees first."
KIND_HINT = guided(
    "A scene tells; a choice asks and offers options; a reflection asks the learner to write; "
    "an ending closes the story with an outcome and a debrief",
    "nodes",
)
NODE_ID_HINT = guided(ID_HINT + ". Other steps use it to lead here; learners never see it", "nodes")
TEXT_HINT = guided(
    "Markdown: **bold**, *italic*, blank lines between paragraphs, '- ' for a list. Add a "
    "picture or sound with the reference from the Images and audio page",
    "images-and-audio",
)
GO_TO_HINT = guided("The step that comes next", "nodes")
ELSE_HINT = guided(
    "Where the learner goes instead when this step's condition does not hold",
    "flags-and-conditions",
)
OPTIONAL_HINT = "Learners must write something unless you tick this."
OUTCOME_HINT = guided("One line, shown as the ending's heading", "nodes")
TAGS_HINT = guided(
    "Name the habit this choice shows, such as relying on a parent's account. The supervisor's "
    "agenda counts tags across a learner's decisions to spot patterns",
    "choices-and-options",
)
CONDITION_GUIDE = guided(CONDITION_HINT + ", like 'visited-home and not spoke-to-school'",
                         "flags-and-conditions")  # fmt: skip
PROMPT_GUIDE = guided(
    PROMPT_HINT.removesuffix(".") + ". Experience is what happened, reflection how it felt, "
    "analysis why it happened, action what to do next time",
    "choices-and-options",
)
OPTION_TEXT_HINT = guided(
    "What the learner chooses, in the worker's own words. Keep the best option no longer than "
    "the others and free of words such as 'calmly' that give it away",
    "options-that-cannot-be-gamed",
)
TARGET_HINT = guided("The step the learner goes to after the feedback", "choices-and-options")
FEEDBACK_HINT = guided(
    "Shown after the choice: what it gains and what it risks, without blame. Markdown",
    "choices-and-options",
)
SAY_HINT = guided(
    "The words a practitioner could use, shown to the learner after the feedback. Markdown",
    "choices-and-options",
)
SETS_HINT = guided(
    "Turn these flags on when the learner picks this option; later steps can depend on them",
    "flags-and-conditions",
)
SCORE_HINT = guided(
    "+2 shows the competency well, -2 works against it, no score: it does not apply",
    "scores-and-the-competency-profile",
)
SCENARIO_TEXT_HINT = guided("The whole draft in the scenario text format", "the-header",
                            "Read the guide to the format")  # fmt: skip
