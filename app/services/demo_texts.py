"""Reflections the demo learners write: thoughtful ones keyed by the reflection's node id, and
pools of middling and brief ones. All made up; no real person, place or service is named."""

THOUGHTFUL = {
    "reflect-one-voice": (
        "I have a dad on my caseload I only ever speak to by phone. Everything I know about his two "
        "girls comes from him, and he always says school is fine. I have never rung the school or "
        "asked to see them. I think I avoid it because he is quick to feel judged. I could tell him "
        "that I speak to schools for every family as a matter of routine, and ask him this week."
    ),
    "reflect-relative": (
        "A grandmother rang me last year to say her daughter was drinking again. I logged it, but I "
        "gave more weight to the mum, who said her mother was interfering. Looking back I never asked "
        "the grandmother what she had actually seen. Our service has no clear place to record what "
        "relatives tell us, so it gets lost in case notes."
    ),
    "empty-records": (
        "A referral last month looked clear because the boy had no history with us. I did not think "
        "to search under his older sister, who had been known at a previous address under her "
        "father's surname. I would now check siblings, previous addresses and other spellings, and "
        "ask the school whether a safeguarding file came with him."
    ),
    "your-sharing": (
        "I have said 'we can't share without consent' to a health visitor when I was not sure. It "
        "felt safe at the time, but it left her without what she needed. Now I would say what I can "
        "share, why, and who I will ask if I am unsure, and write the decision down either way."
    ),
    "reflect-own-practice": (
        "I saw a mum with low mood last week and asked about her sleep and medication but not about "
        "her children, even though I knew she had a toddler. I think I was worried about frightening "
        "her. Next time I will ask about an ordinary day at home, and explain up front what I might "
        "need to share and with whom."
    ),
    "reflect-changes": (
        "When a dad I work with moved back in with his partner, I did not go back to the consent we "
        "had agreed months before. The situation had changed and so should the conversation. I will "
        "put a note on the file to revisit consent whenever the household changes."
    ),
    "own-network": (
        "One family's plan names an aunt as the main support. I have never spoken to her myself; "
        "everything about her help comes from the mum. She might know about the nights when things "
        "are hard, which the mum would not tell me. I will ask the mum if I can call her, and why."
    ),
    "own-plans": (
        "The last plan I reviewed named a neighbour as someone who 'helps out'. I doubt she knows she "
        "is in the plan. If I asked her, she might say she takes the children to school twice a week "
        "and nothing more. Plans should say what people actually do, in their own words."
    ),
    "reflection-own-practice": (
        "One child's file says 'non-verbal' and nothing else. His teaching assistant uses signs with "
        "him every day and his older brother understands his sounds. Nobody has written down how he "
        "says yes, no or 'I'm scared'. I will ask the school for a communication passport."
    ),
    "reflection-whose-words": (
        "The last plan I helped write was shaped by the parents and the professionals. The child's "
        "view was a line saying she 'seemed happy'. It would have taken a visit at school, with "
        "someone she trusts, to hear her properly."
    ),
    "own-practice": (
        "There is a man our team has known for years because of his drinking. We all 'know' him, so "
        "we ask the same questions each time. If I met him for the first time I would ask how his "
        "mood has been and who lives with him. I am not sure we know his children's ages."
    ),
    "partial-record": (
        "On a night shift the record showed only a patient's attendance history, not that she had a "
        "mental health worker. The rest sat with her GP. Being able to see a summary from the GP "
        "record, or having a named person to ring, would have helped."
    ),
}

MIDDLING = [
    "I mostly rely on what parents tell me because there is not time to check everything. I could "
    "probably ring the school more often.",
    "I do not always hear from relatives. It would help to ask the parent who else is around.",
    "This made me think about a family I work with. I have not spoken to anyone but the mum.",
    "I usually trust the parent if the home seems fine. Maybe I should check more.",
    "Made me think about consent and when I can share. I am still not sure about the rules.",
]

BRIEF = ["ok", "Not sure.", "n/a", "Will think about it."]
