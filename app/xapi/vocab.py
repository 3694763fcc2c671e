"""The IRIs, ids and formats every statement uses.

Verbs are ADL's (http://adlnet.gov/expapi/verbs/, the xAPI 1.0.3 vocabulary). Activity and
extension IRIs sit under the site's own address (`Site.home`), which the site owns.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import quote

from .facts import Site

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    name: {"id": ADL + name, "display": {"en-GB": name}}
    for name in ("initialized", "experienced", "answered", "shared", "completed")
}
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
# one namespace for every name-based id this site makes (uuid5 of a fixed URL)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://whole-picture/xapi")


def iri(site: Site, *parts: str) -> str:
    """An IRI under the site's address, each part percent-encoded (never concatenated raw)."""
    return "/".join([site.home.rstrip("/"), "xapi", *(quote(p, safe="") for p in parts)])


def extension(site: Site, name: str) -> str:
    return iri(site, "extensions", name)


def activity_type(site: Site, name: str) -> str:
    return iri(site, "activity-types", name)


def registration_for(site: Site, key: str) -> str:
    """One registration per attempt (or person in an exercise session), the same every time."""
    return str(uuid.uuid5(NAMESPACE, f"{site.home}|registration|{key}"))


def statement_id(registration: str, event: str) -> str:
    """The id of the statement for one event: the same event always gets the same id, so
    re-building or re-sending never makes a second statement."""
    return str(uuid.uuid5(NAMESPACE, f"{registration}|{event}"))


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and a zone; stored times are naive UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def duration(seconds: float) -> str:
    """An ISO 8601 duration (section 4.4.3.2 form), to 0.01 s: PT1H2M3.5S."""
    hundredths = max(0, round(seconds * 100))
    whole, part = divmod(hundredths, 100)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs or part or text == "PT":
        text += f"{secs}.{part:02d}S".replace(".00S", "S")
    return text


def lang(site: Site, text: str) -> dict[str, str]:
    return {site.language: text}


def shorten(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
