"""Everyday words of four or more syllables that a practitioner reads without a second look:
the coach (coach.py) does not flag them. Terms that need explaining belong in the glossary
(content/pages/glossary.md) instead, where learners can look them up."""

_WORDS = """
    actually already anybody anything appointment appointments available category celebrating
    community comfortable conversation conversations definitely difference different
    difficulty education educational emergency especially everybody everyone everything
    experience experiences immediately information interested interesting material
    medical medication necessary obviously particular particularly photography
    possibility possible practitioner practitioners probably realistic really
    relationship relationships responsibility responsible ridiculous situation situations
    television understanding unfortunately unusual usually variety worrying activity
    activities identify original paediatrician paediatricians documentation
    supervision supervisor investigation authority authorities opportunity
    vulnerable vulnerability safeguarding disability disabilities secondary primary
"""
PLAIN_WORDS = frozenset(_WORDS.split())
