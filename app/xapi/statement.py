"""The parts every statement shares: the actor, the context and the envelope."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from .facts import Site
from .vocab import VERBS, extension, lang, statement_id, timestamp

PLATFORM = "Whole Picture"


def actor(site: Site, account: str) -> dict[str, Any]:
    """An account on this site, named by an opaque stable id: no email, no display name."""
    return {"objectType": "Agent", "account": {"homePage": site.home, "name": account}}


def activity(
    activity_id: str, name: str, kind: str, site: Site, **definition: Any
) -> dict[str, Any]:
    body = {"name": lang(site, name), "type": kind, **definition}
    return {"objectType": "Activity", "id": activity_id, "definition": body}


def competency_scores(site: Site, scores: dict[str, int]) -> dict[str, Any]:
    """The competency scores of one option, as a result extension under the site's IRI."""
    return {extension(site, "competency-scores"): dict(sorted(scores.items()))} if scores else {}


def make(
    site: Site,
    registration: str,
    event: str,
    account: str,
    verb: str,
    obj: dict[str, Any],
    at: datetime,
    *,
    parent: dict[str, Any] | None = None,
    result: dict[str, Any] | None = None,
    extensions: dict[str, Any] | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "registration": registration,
        "platform": PLATFORM,
        "language": site.language,
    }
    if parent is not None:
        context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent["id"]}]}
    if extensions:
        context["extensions"] = extensions
    statement: dict[str, Any] = {
        "id": statement_id(registration, event),
        "actor": actor(site, account),
        "verb": VERBS[verb],
        "object": obj,
        "context": context,
        "timestamp": timestamp(at),
    }
    if result:
        statement["result"] = result
    return statement


def carries_text(statement: dict[str, Any]) -> bool:
    """Does the statement hold words the learner wrote (a reflection, a written reason)?"""
    result = statement.get("result") or {}
    definition = (statement.get("object") or {}).get("definition") or {}
    if definition.get("interactionType") == "long-fill-in" and "response" in result:
        return True
    return any(key.endswith("/extensions/reason") for key in result.get("extensions") or {})


def without_text(statement: dict[str, Any]) -> dict[str, Any]:
    """The statement with the learner's words taken out (a copy): for a statement queued while
    text was included and sent after an admin turned it off."""
    out = copy.deepcopy(statement)
    result = out.get("result") or {}
    definition = (out.get("object") or {}).get("definition") or {}
    if definition.get("interactionType") == "long-fill-in":
        result.pop("response", None)
    extensions = result.get("extensions") or {}
    for key in [k for k in extensions if k.endswith("/extensions/reason")]:
        del extensions[key]
    if "extensions" in result and not extensions:
        del result["extensions"]
    return out
