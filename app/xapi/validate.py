"""The xAPI 1.0.3 rules a statement must meet, as a list of problems (empty: valid).

Checked (xAPI-Data.md, 1.0.3): actor, verb and object present (2.2); no property outside the
specification (2.2.s3.b6), no null outside extensions and no empty object (2.2.s4);
`stored` and `authority` left to the record store (2.4.8, 2.4.9); ids and registrations are
UUIDs (2.4.1, 2.4.6); IRIs have a scheme and no spaces (3.1); one inverse functional
identifier per agent, an account's homePage an IRL (2.4.2.1, 2.4.2.4); language maps keyed by
RFC 5646 tags (5.2); interaction types and their component lists, component ids distinct and
without spaces (2.4.4.1); score bounds (2.4.5.1); durations in ISO 8601 4.4.3.2 form (4.6);
timestamps in ISO 8601 with a time zone (4.5).
"""

from __future__ import annotations

import re
from typing import Any

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
IRL = re.compile(r"^https?://[^\s/]+[^\s]*$")
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "version"}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
ACTIVITY_KEYS = {"objectType", "id", "definition"}
DEFINITION_KEYS = {
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
}
COMPONENT_LISTS = {
    "choice": {"choices"},
    "sequencing": {"choices"},
    "likert": {"scale"},
    "matching": {"source", "target"},
    "performance": {"steps"},
    "true-false": set(),
    "fill-in": set(),
    "long-fill-in": set(),
    "numeric": set(),
    "other": set(),
}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
CONTEXT_KEYS = {
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}


def problems(statement: dict[str, Any]) -> list[str]:
    found: list[str] = []
    _no_nulls_or_empties(statement, "statement", found)
    _keys(statement, STATEMENT_KEYS, "statement", found)
    for key in ("actor", "verb", "object"):
        if key not in statement:
            found.append(f"statement: {key} is required")
    if "id" in statement and not UUID.match(str(statement["id"])):
        found.append("statement.id: not a UUID")
    if "timestamp" in statement and not TIMESTAMP.match(str(statement["timestamp"])):
        found.append("statement.timestamp: not ISO 8601 with a time zone")
    if isinstance(statement.get("actor"), dict):
        _agent(statement["actor"], "actor", found)
    if isinstance(statement.get("verb"), dict):
        _verb(statement["verb"], found)
    if isinstance(statement.get("object"), dict):
        _activity(statement["object"], "object", found)
    if isinstance(statement.get("result"), dict):
        _result(statement["result"], found)
    if isinstance(statement.get("context"), dict):
        _context(statement["context"], found)
    return found


def _no_nulls_or_empties(value: Any, where: str, found: list[str]) -> None:
    if value is None:
        found.append(f"{where}: null")
    elif isinstance(value, dict):
        if not value:
            found.append(f"{where}: empty object")
        for key, item in value.items():
            if key != "extensions":
                _no_nulls_or_empties(item, f"{where}.{key}", found)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _no_nulls_or_empties(item, f"{where}[{n}]", found)
    elif isinstance(value, str) and value == "":
        found.append(f"{where}: empty string")


def _keys(obj: dict, allowed: set[str], where: str, found: list[str]) -> None:
    for key in sorted(set(obj) - allowed):
        found.append(f"{where}: {key} is not a property here")


def _iri(value: Any, where: str, found: list[str]) -> None:
    if not isinstance(value, str) or not IRI.match(value):
        found.append(f"{where}: not an IRI")


def _language_map(value: Any, where: str, found: list[str]) -> None:
    if not isinstance(value, dict):
        found.append(f"{where}: not a language map")
        return
    for tag, text in value.items():
        if not LANG_TAG.match(tag) or not isinstance(text, str):
            found.append(f"{where}: {tag!r} is not an RFC 5646 tag with a string")


def _agent(agent: dict, where: str, found: list[str]) -> None:
    _keys(agent, AGENT_KEYS, where, found)
    if agent.get("objectType", "Agent") != "Agent":
        found.append(f"{where}.objectType: must be Agent")
    ifis = [key for key in IFIS if key in agent]
    if len(ifis) != 1:
        found.append(f"{where}: needs exactly one identifier, has {ifis}")
    account = agent.get("account")
    if isinstance(account, dict):
        _keys(account, {"homePage", "name"}, f"{where}.account", found)
        if not IRL.match(str(account.get("homePage", ""))):
            found.append(f"{where}.account.homePage: not an IRL")
        if not isinstance(account.get("name"), str):
            found.append(f"{where}.account.name: required")


def _verb(verb: dict, found: list[str]) -> None:
    _keys(verb, {"id", "display"}, "verb", found)
    _iri(verb.get("id"), "verb.id", found)
    if "display" in verb:
        _language_map(verb["display"], "verb.display", found)


def _activity(activity: dict, where: str, found: list[str]) -> None:
    _keys(activity, ACTIVITY_KEYS, where, found)
    if activity.get("objectType", "Activity") != "Activity":
        found.append(f"{where}.objectType: must be Activity")
    _iri(activity.get("id"), f"{where}.id", found)
    definition = activity.get("definition")
    if isinstance(definition, dict):
        _definition(definition, f"{where}.definition", found)


def _definition(definition: dict, where: str, found: list[str]) -> None:
    _keys(definition, DEFINITION_KEYS, where, found)
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{where}.{key}", found)
    if "type" in definition:
        _iri(definition["type"], f"{where}.type", found)
    kind = definition.get("interactionType")
    lists = {k for k in ("choices", "scale", "source", "target", "steps") if k in definition}
    if kind is None:
        if lists or "correctResponsesPattern" in definition:
            found.append(f"{where}: interaction properties need an interactionType")
        return
    if kind not in COMPONENT_LISTS:
        found.append(f"{where}.interactionType: {kind!r} is not an interaction type")
        return
    for name in sorted(lists - COMPONENT_LISTS[kind]):
        found.append(f"{where}.{name}: not a component list of a {kind} interaction")
    for name in sorted(lists):
        _components(definition[name], f"{where}.{name}", found)


def _components(components: Any, where: str, found: list[str]) -> None:
    if not isinstance(components, list):
        found.append(f"{where}: not a list")
        return
    ids = [c.get("id") for c in components if isinstance(c, dict)]
    if len(ids) != len(components) or len(set(ids)) != len(ids):
        found.append(f"{where}: component ids must be present and distinct")
    for n, component in enumerate(components):
        if not isinstance(component, dict):
            continue
        _keys(component, {"id", "description"}, f"{where}[{n}]", found)
        if not isinstance(component.get("id"), str) or re.search(r"\s", component["id"]):
            found.append(f"{where}[{n}].id: a string without whitespace")
        if "description" in component:
            _language_map(component["description"], f"{where}[{n}].description", found)


def _result(result: dict, found: list[str]) -> None:
    _keys(result, RESULT_KEYS, "result", found)
    if "duration" in result and not DURATION.match(str(result["duration"])):
        found.append("result.duration: not an ISO 8601 duration")
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            found.append(f"result.{key}: not a boolean")
    if "response" in result and not isinstance(result["response"], str):
        found.append("result.response: not a string")
    for key in result.get("extensions", {}) or {}:
        _iri(key, "result.extensions key", found)
    score = result.get("score")
    if isinstance(score, dict):
        _score(score, found)


def _score(score: dict, found: list[str]) -> None:
    _keys(score, {"scaled", "raw", "min", "max"}, "result.score", found)
    for key, value in score.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            found.append(f"result.score.{key}: not a number")
            return
    if "scaled" in score and not -1 <= score["scaled"] <= 1:
        found.append("result.score.scaled: outside -1..1")
    low, high = score.get("min"), score.get("max")
    if low is not None and high is not None and not low < high:
        found.append("result.score: min must be less than max")
    raw = score.get("raw")
    if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
        found.append("result.score.raw: outside min..max")


def _context(context: dict, found: list[str]) -> None:
    _keys(context, CONTEXT_KEYS, "context", found)
    if "registration" in context and not UUID.match(str(context["registration"])):
        found.append("context.registration: not a UUID")
    if "language" in context and not LANG_TAG.match(str(context["language"])):
        found.append("context.language: not an RFC 5646 tag")
    activities = context.get("contextActivities")
    if isinstance(activities, dict):
        _keys(activities, CONTEXT_ACTIVITY_KEYS, "context.contextActivities", found)
        for key, items in activities.items():
            for n, item in enumerate(items if isinstance(items, list) else [items]):
                _activity(item, f"context.contextActivities.{key}[{n}]", found)
    for key in context.get("extensions", {}) or {}:
        _iri(key, "context.extensions key", found)
