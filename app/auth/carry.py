"""The seal on a reflection carried through sign-in: issued only when this site renders the
sign-in page for a reflection posted from its own step page, and checked when the person signs
in, so text from anywhere else is never put in their reflection box."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_AGE = 3600  # an hour to sign in again


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="carried-reflection")


def _digest(path: str, step: str, text: str) -> str:
    return hashlib.sha256("\0".join((path, step, text)).encode()).hexdigest()


def seal(path: str, step: str, text: str) -> str:
    return _signer().dumps(_digest(path, step, text))


def is_sealed(token: str | None, path: str | None, step: str | None, text: str | None) -> bool:
    if not (token and text):
        return False
    try:
        digest = _signer().loads(token, max_age=MAX_AGE)
    except BadSignature:
        return False
    return digest == _digest(path or "", step or "", text)
