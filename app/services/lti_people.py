"""What a verified launch does: the person's account (found by platform and subject id, made on
their first launch), the handoff row the browser's same-site step redeems, and the gradebook
link (deep-linking answers: lti_deep_link.py).

Roles: every account made by a launch is a learner, whatever the platform says. A course
teacher in Moodle is not thereby an author or admin here (those change partnership content and
read people's records); a Whole Picture admin gives such roles. A deep-linking request is
answered for platform roles that edit courses (Instructor, ContentDeveloper, Administrator).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import (
    LtiGradeLink,
    LtiHandoff,
    LtiPlatform,
    LtiUserLink,
    Role,
    StoredScenario,
    User,
)
from . import accounts
from .lti_launch import AGAIN, AGS, DEEP_LINK, DL, LTI, LaunchRefused, digest

HANDOFF_LIFETIME = timedelta(minutes=30)  # long enough for an author to pick a scenario
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
EDITING_ROLES = ("#Instructor", "#ContentDeveloper", "#Administrator")


def _name(claims: dict, platform: LtiPlatform) -> str:
    name = str(claims.get("name") or "").strip()
    if not name:
        parts = [str(claims.get(k) or "").strip() for k in ("given_name", "family_name")]
        name = " ".join(p for p in parts if p)
    return (name or f"Learner from {platform.name}")[:200]


def _email(session: Session, claims: dict, platform: LtiPlatform) -> str:
    """The platform's email when given and no account has it yet; otherwise an address that
    cannot receive mail (an existing account is never taken over by a claimed email)."""
    email = accounts.normalise_email(str(claims.get("email") or ""))
    if email and "@" in email and len(email) <= 320 and not accounts.find_by_email(session, email):
        return email
    tag = hashlib.sha256(f"{platform.id}:{claims['sub']}".encode()).hexdigest()[:20]
    return f"lti-{platform.id}-{tag}@lti.invalid"


def person_for(session: Session, platform: LtiPlatform, claims: dict) -> User:
    """The account linked to this platform's subject, made (as a learner) on first launch."""
    subject = str(claims["sub"])[:255]
    link = session.scalar(
        select(LtiUserLink).where(
            LtiUserLink.platform_id == platform.id, LtiUserLink.subject == subject
        )
    )
    if link is not None:
        user = session.get(User, link.user_id)
        if not user.active:
            raise LaunchRefused(
                "Your Whole Picture account is closed. Ask your administrator.", "inactive user"
            )
        return user
    user = accounts.create_user(
        session,
        email=_email(session, claims, platform),
        display_name=_name(claims, platform),
        roles={Role.LEARNER.value},
    )
    session.add(LtiUserLink(platform_id=platform.id, subject=subject, user_id=user.id))
    session.flush()
    return user


def _target_slug(claims: dict) -> str | None:
    """The scenario the link names: custom parameter `scenario`, else the target link's path."""
    custom = claims.get(LTI + "custom") or {}
    if isinstance(custom, dict) and custom.get("scenario"):
        return str(custom["scenario"])[:100]
    path = urlsplit(str(claims.get(LTI + "target_link_uri") or "")).path.rstrip("/")
    if path.startswith("/scenarios/"):
        return path.removeprefix("/scenarios/").split("/")[0][:100] or None
    return None


def _link_gradebook(session: Session, platform, claims, user, slug: str | None) -> None:
    endpoint = claims.get(AGS) or {}
    lineitem = endpoint.get("lineitem") if isinstance(endpoint, dict) else None
    if not lineitem or SCORE_SCOPE not in (endpoint.get("scope") or []) or not slug:
        return
    stored = session.scalar(select(StoredScenario).where(StoredScenario.slug == slug))
    if stored is None:
        return
    exists = session.scalar(
        select(LtiGradeLink.id).where(
            LtiGradeLink.user_id == user.id,
            LtiGradeLink.scenario_id == stored.id,
            LtiGradeLink.lineitem_url == lineitem,
        )
    )
    if exists is None:
        session.add(
            LtiGradeLink(
                user_id=user.id,
                scenario_id=stored.id,
                platform_id=platform.id,
                subject=str(claims["sub"])[:255],
                lineitem_url=str(lineitem)[:1000],
            )
        )


def may_deep_link(claims: dict) -> bool:
    roles = claims.get(LTI + "roles") or []
    return any(str(role).endswith(EDITING_ROLES) for role in roles)


def hand_off(session: Session, platform: LtiPlatform, claims: dict, state: str) -> str:
    """After verify_launch: the account, the gradebook link, and a one-time token for the
    browser's same-site step (returned; only its hash is kept)."""
    kind = "deep_link" if claims[LTI + "message_type"] == DEEP_LINK else "resource"
    if kind == "deep_link" and not may_deep_link(claims):
        raise LaunchRefused("Only course editors can add scenarios to a course.", "DL role")
    user = person_for(session, platform, claims)
    slug = _target_slug(claims) if kind == "resource" else None
    if kind == "resource":
        _link_gradebook(session, platform, claims, user, slug)
    session.execute(delete(LtiHandoff).where(LtiHandoff.expires_at < utcnow() - timedelta(days=1)))
    token = secrets.token_urlsafe(32)
    settings = claims.get(DL + "deep_linking_settings") if kind == "deep_link" else {}
    session.add(
        LtiHandoff(
            token_hash=digest(token),
            state_hash=digest(state),
            user_id=user.id,
            platform_id=platform.id,
            deployment_id=str(claims[LTI + "deployment_id"])[:255],
            kind=kind,
            target=slug,
            settings=settings if isinstance(settings, dict) else {},
            expires_at=utcnow() + HANDOFF_LIFETIME,
        )
    )
    session.flush()
    return token


def cookie_name(state_hash: str) -> str:
    """The browser cookie holding a login's state: one per login, so two tabs launching at once
    do not undo each other."""
    return "wp_lti_" + state_hash[:16]


def enter(session: Session, token: str, cookies: Mapping[str, str]) -> LtiHandoff:
    """Redeem a handoff once, in the browser whose cookie holds the login's state."""
    handoff = session.scalar(select(LtiHandoff).where(LtiHandoff.token_hash == digest(token)))
    state = cookies.get(cookie_name(handoff.state_hash)) if handoff is not None else None
    if (
        handoff is None
        or not state
        or not secrets.compare_digest(handoff.state_hash, digest(state))
    ):
        raise LaunchRefused(
            "This launch was not started in this browser. " + AGAIN, "state cookie mismatch"
        )
    redeemed = session.execute(
        update(LtiHandoff)
        .where(
            LtiHandoff.id == handoff.id,
            LtiHandoff.entered_at.is_(None),
            LtiHandoff.expires_at > utcnow(),
        )
        .values(entered_at=utcnow())
    )
    if redeemed.rowcount != 1:
        raise LaunchRefused("This launch has expired or was already used. " + AGAIN, "reused")
    session.refresh(handoff)
    user = session.get(User, handoff.user_id)
    if not user.active:
        raise LaunchRefused("Your Whole Picture account is closed. Ask your administrator.")
    return handoff
