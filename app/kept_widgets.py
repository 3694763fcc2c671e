"""govuk-frontend-wtf widgets whose HTML is rendered once per distinct params (rendered_once).

Their templates are one macro call on `params` and nothing else, so the same params always give
the same HTML: a choice's radios (its options in this order, which one is checked, the error
shown) and the buttons under it. Rendering them per request was most of a step page's time. The
CSRF token is a separate hidden field and never part of these params.
"""

from __future__ import annotations

from govuk_frontend_wtf import wtforms_widgets as gov

from .rendered_once import freeze, kept


class _Kept:
    def render(self, params):
        return kept((self.template, freeze(params)), lambda: super(_Kept, self).render(params))


class GovRadioInput(_Kept, gov.GovRadioInput):
    pass


class GovSubmitInput(_Kept, gov.GovSubmitInput):
    pass
