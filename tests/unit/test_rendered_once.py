"""The layout's GOV.UK macros are rendered once per distinct input, with per-request parts
filled in: the page a person sees is the same as rendering the macro every time."""

from markupsafe import Markup

from app.rendered_once import rendered_once


class Macro:
    name = "fakeNavigation"

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, params: dict) -> Markup:
        self.calls += 1
        return Markup("<nav>{}|{}</nav>").format(params["label"], Markup(params["slot"]))


def test_same_inputs_render_once_and_per_request_parts_are_filled_each_time():
    macro = Macro()
    params = {"label": "Main", "slot": "__end__"}
    first = rendered_once(macro, params, {"__end__": Markup("<form>token-1</form>")})
    second = rendered_once(macro, params, {"__end__": Markup("<form>token-2</form>")})
    assert first == "<nav>Main|<form>token-1</form></nav>"
    assert second == "<nav>Main|<form>token-2</form></nav>"
    assert macro.calls == 1
    other = rendered_once(macro, {"label": "Other", "slot": ""})
    assert other == "<nav>Other|</nav>" and macro.calls == 2


def test_a_fill_that_is_not_markup_is_escaped():
    macro = Macro()
    page = rendered_once(macro, {"label": "Esc", "slot": "__x__"}, {"__x__": "<b>"})
    assert page == "<nav>Esc|&lt;b&gt;</nav>"


def test_html_and_the_same_characters_as_text_are_kept_apart():
    macro = Macro()
    as_text = rendered_once(macro, {"label": "<i>x</i>", "slot": ""})
    as_html = rendered_once(macro, {"label": Markup("<i>x</i>"), "slot": ""})
    assert as_text == "<nav>&lt;i&gt;x&lt;/i&gt;|</nav>"
    assert as_html == "<nav><i>x</i>|</nav>"
