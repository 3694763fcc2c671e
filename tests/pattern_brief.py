"""The author walk's eight-step brief, "The boots by the door", as an author would answer the
pattern page's questions ("One choice, three endings"): the prose the author writes, the
judgements they make, and the supervision questions they tick from the bank. Shared by the
functional and browser tests, so both write the same scenario."""

from __future__ import annotations

DETAILS = {
    "title": "The boots by the door",
    "summary": "A new birth visit where a health visitor notices signs that the mother may not "
    "be safe at home.",
    "role": "Health visitor",
    "content_note": "This scenario mentions domestic abuse and a baby living with it.",
}
AGENCIES = ["health"]
COMPETENCIES = ["child-voice", "triangulation", "think-family"]

# Step text, keyed by the pattern page's field name.
STEPS = {
    "opening__text": (
        "It is your first visit since Kai was born, eleven days ago. Leah opens the door with "
        "Kai asleep on her shoulder and says she has been looking forward to seeing you.\n\n"
        "Inside the door stands a pair of large work boots, still muddy. The inside of the door "
        "has a fresh dent at the height of a fist, and a strip of tape has been pressed over a "
        "crack in the glass. Leah's phone buzzes on the table while you weigh Kai. She turns it "
        "face down without looking at it.\n\n"
        "Kai has gained weight well. Leah answers your questions about feeding quickly and "
        "smiles a lot, but she keeps looking towards the window. When a car door slams in the "
        "street she stops mid-sentence, then laughs and says she is just tired."
    ),
    "noticing__text": (
        "What have you noticed so far, and what might it mean for Leah and for Kai? "
        "What else would you want to know?"
    ),
    "what_now__text": (
        "You finish the checks. Leah says everything is fine: her partner works long shifts, "
        "she is tired, and the baby is feeding well. She asks whether you need anything else "
        "before you go, and picks up her phone again."
    ),
    "after_2__text": (
        "You sit down again and explain that you ask every new mother about her safety at "
        "home. Leah starts to answer. Halfway through, the front door opens: her partner is "
        "back early. He stands in the doorway, asks who you are, and stays in the room. Leah "
        "says again that everything is fine and that you were just leaving."
    ),
    "after_3__text": (
        "On Thursday Leah comes to the clinic on her own, with Kai in the pram. In the quiet "
        "room she is silent for a long moment. Then she tells you that her partner shouts when "
        "he has been drinking, that he punched the door last week while she was holding Kai, "
        "and that she checks her phone because he wants to know where she is."
    ),
}
OPTIONS = [
    {
        "text": "Accept Leah's account, note that feeding is going well, and book the next "
        "routine contact.",
        "feedback": "Leah seems settled and Kai is thriving, so this feels reasonable. But the "
        "boots, the dent and the phone were left unasked about. Leah's account was the only "
        "account heard, and Kai cannot tell you what happens at home. A baby's safety depends on "
        "what the adults around them notice and ask about.",
        "strength": "weak",
        "questions": ["opt-analysis"],
    },
    {
        "text": "Ask Leah now, at home, the routine question about whether she feels safe with "
        "anyone at home.",
        "feedback": "Routine enquiry is right, and asking matters. But asking at home, when "
        "her partner could walk in at any moment, may not be safe for Leah, and she may not "
        "feel able to answer honestly. If you ask, check first that you are alone, and have a way "
        "to offer a safer time and place.",
        "strength": "partly",
        "questions": ["opt-experience"],
    },
    {
        "text": "Offer Leah a review at the clinic on Thursday, where you can see her on her own.",
        "feedback": "Seeing Leah on her own gives her a safe chance to talk. It also means "
        "the question is asked without her partner listening, and that you can plan "
        "what to do next with her rather than for her. Offering the clinic as a routine review keeps "
        "the appointment ordinary, so it draws no attention at home.",
        "strength": "strongest",
        "questions": ["opt-action"],
    },
]
ENDINGS = {
    "ending_1": {
        "outcome": "Nothing changes for Leah and Kai",
        "starter": "missed",
        "text": "The next contact is in six weeks. Leah's account was the only one heard, and "
        "the signs you saw were not recorded or shared. When a parent says all is well, look "
        "at what you can see, and ask about it, for the baby's sake. Record what you saw in plain "
        "words, even when nobody has said anything is wrong, so the next worker can see it too.",
        "questions": ["end-analysis"],
    },
    "ending_2": {
        "outcome": "Leah cannot talk with him there",
        "starter": "part",
        "text": "You asked, and that matters. But the question needs a safe time and place. "
        "Write down what you saw, talk to your safeguarding lead, and find a way to see Leah "
        "on her own soon. Think about what you say as you leave: nothing that tells her partner "
        "what you were asking about.",
        "questions": ["end-action"],
    },
    "ending_3": {
        "outcome": "Leah tells you, in a safe place",
        "starter": "helped",
        "text": "seeing Leah on her own. She could speak without being overheard, and you "
        "could plan with her: a referral to the domestic abuse service, a safety plan for her "
        "and Kai, and a call to your safeguarding lead the same day. You also wrote down what Leah "
        "told you in her own words, and what you had seen at the house on your first visit.",
        "questions": ["end-experience", "end-action"],
    },
}


def words_typed() -> int:
    """Words the author writes themselves on the pattern page."""
    parts = list(DETAILS.values()) + list(STEPS.values())
    parts += [o["text"] + " " + o["feedback"] for o in OPTIONS]
    parts += [e["outcome"] + " " + e["text"] for e in ENDINGS.values()]
    return len(" ".join(parts).split())


def form_data() -> dict:
    """The pattern page's fields as a form without JavaScript posts them."""
    data: dict = {**DETAILS, "agencies": AGENCIES, "competencies": COMPETENCIES, **STEPS}
    for i, option in enumerate(OPTIONS):
        data[f"what_now__o{i}__text"] = option["text"]
        data[f"what_now__o{i}__feedback"] = option["feedback"]
        data[f"what_now__o{i}__strength"] = option["strength"]
        data[f"what_now__o{i}__questions"] = option["questions"]
    for name, ending in ENDINGS.items():
        for part in ("outcome", "starter", "text", "questions"):
            data[f"{name}__{part}"] = ending[part]
    return data
