"""Hypothesis strategies: the edits an author can make, with awkward text in every field."""

from __future__ import annotations

from hypothesis import strategies as st

from app.authoring import (
    AddNode,
    AddOption,
    DeleteNode,
    DeleteOption,
    EditNode,
    EditOption,
    OptionFields,
    SetDetails,
    SetRoutes,
)

IDS = ["opening", "ask", "visit", "end-good", "end-poor", "think", "x1"]
FLAGS = ["visited", "asked-school", "worried"]
KINDS = ["scene", "choice", "reflection", "ending"]
# Pieces of text the file format treats specially, mixed with ordinary and odd characters.
AWKWARD = [
    "\n",
    "\n\n",
    "//",
    "// note",
    "->",
    "-> opening",
    "* ",
    "=== scene: x",
    "if: ",
    "outcome: ",
    "(analysis) ",
    "(unknown) ",
    "  ",
    "\t",
    ":",
    ",",
    "feedback: ",
    "  -> ask",
    "*",
    "#",
]
node_ids = st.sampled_from(IDS) | st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    max_size=10,
)
text = st.lists(st.sampled_from(AWKWARD) | words, max_size=10).map("".join)
flag_lists = st.lists(st.sampled_from(FLAGS), max_size=3).map(tuple)
conditions = st.sampled_from(["", "visited", "not visited", "visited and not worried", "bad cond!"])
GOOD_PROMPTS = ["(analysis) Why?", "What next?", "(action) Who?", "(experience) What happened?"]
prompts = st.lists(
    st.sampled_from(GOOD_PROMPTS)
    | st.sampled_from(GOOD_PROMPTS)
    | st.sampled_from(["(nope) x"])
    | words,
    max_size=3,
).map("\n".join)

details = st.builds(
    SetDetails,
    id=st.sampled_from(["case", "a-case", "case", "Bad Id"]),
    title=text,
    summary=text,
    role=text,
    agencies=st.lists(st.sampled_from(["health", "police", "other"]), max_size=2).map(tuple),
    competencies=st.lists(st.sampled_from(["triangulation", "curiosity"]), max_size=2).map(tuple),
    minutes=st.sampled_from([5, "15", 20, "x"]),
    flags=flag_lists,
    content_note=text,
    start=st.sampled_from(["", *IDS]),
)
option_fields = st.builds(
    OptionFields,
    text=st.sampled_from(["Visit her.", "Ask the school.", "Wait and see."]) | text,
    target=st.sampled_from(["", *IDS]),
    feedback=text,
    scores=st.dictionaries(
        st.sampled_from(["triangulation", "curiosity"]), st.sampled_from(["-2", "+1", "2", "", "0"])
    ),
    sets=flag_lists,
    condition=conditions,
    tags=st.lists(st.sampled_from(["home-visit", "relied-on-self-report"]), max_size=2).map(tuple),
    supervision=prompts,
    say=text,
    keep_last=st.booleans(),
)


def _existing(scenario, kinds=None):
    ids = [n.id for n in scenario.nodes.values() if kinds is None or n.kind in kinds]
    return st.sampled_from(ids) if ids else st.sampled_from(IDS)


def _targets(scenario):
    return st.sampled_from(["", *scenario.nodes]) if scenario.nodes else st.sampled_from(["", *IDS])


def _on_option(scenario, make):
    """An edit of an option that exists (or, if none does, of one that does not)."""
    pairs = [(n.id, o.index) for n in scenario.nodes.values() for o in n.options]
    pick = st.sampled_from(pairs) if pairs else st.tuples(st.sampled_from(IDS), st.integers(0, 2))
    return pick.flatmap(lambda pair: make(*pair))


def edit_for(scenario):
    """An edit aimed mostly at nodes and options that exist, as the editor's links are."""
    nodes = _existing(scenario)
    choices = _existing(scenario, ("choice",))
    fields = option_fields.flatmap(
        lambda f: _targets(scenario).map(lambda t: OptionFields(**{**f.__dict__, "target": t}))
    )

    def editing(node_id):
        node = scenario.nodes.get(node_id)
        keep_kind = st.just(node.kind) if node else st.sampled_from(KINDS)
        return st.builds(
            EditNode,
            node_id=st.just(node_id),
            new_id=st.just(node_id) | node_ids,
            kind=keep_kind | st.sampled_from(KINDS),
            text=text,
            condition=conditions,
            else_target=_targets(scenario),
            optional=st.booleans(),
            outcome=text,
            tags=st.lists(st.sampled_from(["home-visit"]), max_size=1).map(tuple),
            supervision=prompts,
        )

    add = st.builds(AddNode, kind=st.sampled_from(KINDS), node_id=node_ids, after=st.none() | nodes)
    add_choice = st.builds(
        AddNode, kind=st.just("choice"), node_id=node_ids, after=st.none() | nodes
    )
    routes = st.builds(
        SetRoutes,
        node_id=_existing(scenario, ("scene", "reflection")),
        routes=st.lists(st.tuples(_targets(scenario), conditions), max_size=3).map(tuple),
    )
    add_option = st.builds(AddOption, node_id=choices, fields=fields)
    edit_option = _on_option(scenario, lambda n, i: fields.map(lambda f: EditOption(n, i, f)))
    # Hypothesis leans towards the first strategies listed: the likeliest edits come first.
    weighted = [
        (add_option, 6),
        (add_choice, 2),
        (add, 3),
        (edit_option, 3),
        (nodes.flatmap(editing), 3),
        (routes, 2),
        (_on_option(scenario, lambda n, i: st.just(DeleteOption(n, i))), 1),
        (st.builds(DeleteNode, node_id=nodes), 1),
        (details, 1),
    ]
    pick = st.sampled_from([strategy for strategy, weight in weighted for _ in range(weight)])
    return pick.flatmap(lambda strategy: strategy)
