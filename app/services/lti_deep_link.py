"""LTI Deep Linking 2.0: the answer to a course editor's deep-linking launch, a signed
LtiDeepLinkingResponse naming the scenario they picked, as an LTI resource link with a
gradebook column (score 0-1)."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import LtiHandoff, StoredScenario
from . import lti_keys
from .lti_launch import DL, LTI


def is_open(handoff: LtiHandoff) -> bool:
    return (
        handoff.kind == "deep_link"
        and handoff.answered_at is None
        and (handoff.expires_at > utcnow())
    )


def response(
    session: Session, handoff: LtiHandoff, stored: StoredScenario, launch_url: str
) -> tuple[str, str]:
    """(the platform's return URL, the signed LtiDeepLinkingResponse) for the picked scenario;
    the handoff is answered, so it cannot be used twice."""
    version = stored.current_version
    item: dict[str, Any] = {
        "type": "ltiResourceLink",
        "title": version.title,
        "text": version.summary[:1000],
        "url": launch_url,
        "custom": {"scenario": stored.slug},
        "lineItem": {"scoreMaximum": 1, "label": version.title, "resourceId": stored.slug},
    }
    settings = handoff.settings or {}
    claims: dict[str, Any] = {
        "iss": handoff.platform.client_id,
        "aud": handoff.platform.issuer,
        "nonce": secrets.token_urlsafe(16),
        LTI + "deployment_id": handoff.deployment_id,
        LTI + "message_type": "LtiDeepLinkingResponse",
        LTI + "version": "1.3.0",
        DL + "content_items": [item],
    }
    if settings.get("data"):
        claims[DL + "data"] = settings["data"]
    handoff.answered_at = utcnow()
    session.flush()
    return str(settings.get("deep_link_return_url") or ""), lti_keys.sign(session, claims)
