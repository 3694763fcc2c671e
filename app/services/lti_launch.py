"""LTI 1.3 OIDC third-party login and launch verification (IMS Security Framework 1.0, LTI Core
1.3): the login starts here with a state and nonce kept in the database, and the launch's
id_token is accepted only when every check passes. No process memory: any server can take any
step."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import jwt
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import LtiLogin, LtiPlatform
from . import lti_net

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
RESOURCE = "LtiResourceLinkRequest"
DEEP_LINK = "LtiDeepLinkingRequest"
LOGIN_LIFETIME = timedelta(minutes=10)
LEEWAY = 60  # seconds of clock difference allowed between platform and tool
AGAIN = "Open the activity again from your course."


class LaunchRefused(Exception):
    """A login or launch that fails a check. `message` is for the person; `reason` for the log."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(reason or message)
        self.message = message
        self.reason = reason or message


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def find_platform(session: Session, issuer: str, client_id: str | None) -> LtiPlatform | None:
    """The registration for an issuer (and client id, when the issuer has several)."""
    rows = list(session.scalars(select(LtiPlatform).where(LtiPlatform.issuer == issuer)))
    if client_id:
        rows = [row for row in rows if row.client_id == client_id]
    return rows[0] if len(rows) == 1 else None


def start_login(session: Session, params: Mapping[str, str], launch_url: str) -> tuple[str, str]:
    """The platform's authorisation URL to send the browser to, and the state (for the cookie
    that ties the launch to this browser). Raises LaunchRefused for an unknown platform."""
    issuer, hint = params.get("iss", ""), params.get("login_hint", "")
    if not issuer or not hint:
        raise LaunchRefused(
            "This page is opened by your learning platform, not directly. " + AGAIN,
            "login without iss or login_hint",
        )
    platform = find_platform(session, issuer, params.get("client_id"))
    if platform is None:
        raise LaunchRefused(
            "Your learning platform is not registered with Whole Picture. Ask your administrator "
            "to register it.",
            f"login from unregistered issuer {issuer[:200]}",
        )
    deployment = params.get("lti_deployment_id")
    if deployment and deployment not in platform.deployments:
        raise LaunchRefused(_UNKNOWN_DEPLOYMENT, f"unknown deployment {deployment[:100]}")
    session.execute(delete(LtiLogin).where(LtiLogin.expires_at < utcnow() - LOGIN_LIFETIME))
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(
        LtiLogin(
            state_hash=digest(state),
            nonce=nonce,
            platform_id=platform.id,
            expires_at=utcnow() + LOGIN_LIFETIME,
        )
    )
    session.flush()
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": launch_url,
        "state": state,
        "nonce": nonce,
        "login_hint": hint,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    joiner = "&" if "?" in platform.auth_login_url else "?"
    return platform.auth_login_url + joiner + urlencode(query), state


_UNKNOWN_DEPLOYMENT = (
    "This course's link to Whole Picture is not registered. Ask your administrator to add its "
    "deployment id."
)


def _use_login(session: Session, state: str) -> LtiLogin:
    """The login this state names, marked used in one statement (so of two servers given the
    same state, one wins), or LaunchRefused."""
    used = session.execute(
        update(LtiLogin)
        .where(
            LtiLogin.state_hash == digest(state),
            LtiLogin.used_at.is_(None),
            LtiLogin.expires_at > utcnow(),
        )
        .values(used_at=utcnow())
    )
    if used.rowcount != 1:
        raise LaunchRefused(
            "This launch has expired or was already used. " + AGAIN, "unknown or used state"
        )
    return session.get(LtiLogin, digest(state))


def _platform_key(platform: LtiPlatform, token: str) -> Any:
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.InvalidTokenError:
        raise LaunchRefused(
            "This launch could not be read. " + AGAIN, "malformed id_token"
        ) from None
    try:
        keys = jwt.PyJWKSet.from_dict(lti_net.get_json(platform.jwks_url)).keys
    except (lti_net.PlatformUnreachable, jwt.PyJWTError) as error:
        raise LaunchRefused(
            "Whole Picture could not check this launch with your learning platform. Try again "
            "in a few minutes.",
            f"platform keys: {error}",
        ) from None
    matching = [key for key in keys if kid is None or key.key_id == kid]
    if len(matching) != 1:
        raise LaunchRefused("This launch could not be checked. " + AGAIN, f"no key {kid}")
    return matching[0].key


def verify_launch(session: Session, id_token: str, state: str) -> tuple[LtiPlatform, dict]:
    """The platform and the id_token's claims, once every check has passed: state known, unused
    and in date; signature by the platform's key; iss, aud (and azp), exp and iat; the nonce
    that this state's login issued; a known deployment; an LTI 1.3 message type."""
    if not id_token or not state:
        raise LaunchRefused("This page is opened by your learning platform. " + AGAIN, "no token")
    login = _use_login(session, state)
    platform = session.get(LtiPlatform, login.platform_id)
    key = _platform_key(platform, id_token)
    try:
        claims = jwt.decode(
            id_token,
            key,
            algorithms=["RS256"],
            audience=platform.client_id,
            issuer=platform.issuer,
            leeway=LEEWAY,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
        )
    except jwt.ExpiredSignatureError:
        raise LaunchRefused("This launch has expired. " + AGAIN, "expired id_token") from None
    except jwt.InvalidTokenError as error:
        raise LaunchRefused("This launch was refused. " + AGAIN, f"id_token: {error}") from None
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != platform.client_id:
        raise LaunchRefused("This launch was refused. " + AGAIN, "azp is not our client id")
    if not secrets.compare_digest(str(claims["nonce"]), login.nonce):
        raise LaunchRefused("This launch was refused. " + AGAIN, "nonce does not match")
    if claims.get(LTI + "deployment_id") not in platform.deployments:
        raise LaunchRefused(_UNKNOWN_DEPLOYMENT, "unknown deployment in id_token")
    if claims.get(LTI + "version") != "1.3.0":
        raise LaunchRefused("This launch was refused. " + AGAIN, "not LTI 1.3.0")
    if claims.get(LTI + "message_type") not in (RESOURCE, DEEP_LINK):
        raise LaunchRefused("Whole Picture cannot open this kind of link.", "message type")
    return platform, claims
