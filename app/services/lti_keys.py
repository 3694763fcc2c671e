"""The tool's RSA key pair (made once, kept in the database, so every server signs with the same
key) and signing with it. The private key never leaves this module."""

from __future__ import annotations

import json
import secrets
import time
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import LtiToolKey


def _make_key() -> LtiToolKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    kid = secrets.token_hex(16)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    public.update({"kid": kid, "alg": "RS256", "use": "sig"})
    return LtiToolKey(kid=kid, private_pem=pem, public_jwk=public)


def tool_key(session: Session) -> LtiToolKey:
    """The key pair, made on first use. Two servers making it at once: the first one kept wins
    (the oldest row is always the key in use)."""
    found = session.scalar(select(LtiToolKey).order_by(LtiToolKey.id).limit(1))
    if found is not None:
        return found
    try:
        with session.begin_nested():
            session.add(_make_key())
            session.flush()
    except IntegrityError:  # pragma: no cover - a kid collision, 128 random bits
        pass
    return session.scalar(select(LtiToolKey).order_by(LtiToolKey.id).limit(1))


def jwks(session: Session) -> dict[str, Any]:
    """The public key set platforms fetch to check what the tool signs."""
    return {"keys": [dict(tool_key(session).public_jwk)]}


def sign(session: Session, claims: dict[str, Any], lifetime: int = 300) -> str:
    """A JWT of `claims` (with iat, exp and a fresh jti) signed RS256 by the tool's key."""
    key = tool_key(session)
    now = int(time.time())
    payload = {"iat": now, "exp": now + lifetime, "jti": str(uuid.uuid4()), **claims}
    return jwt.encode(payload, key.private_pem, algorithm="RS256", headers={"kid": key.kid})
