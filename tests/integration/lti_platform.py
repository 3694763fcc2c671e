"""A simulated LTI 1.3 platform for the tests: its own RSA keys, and a JWKS, token and scores
endpoints served on loopback by http.server in a thread. Its authorisation step (which a real
platform does after its own sign-in) is `id_token()`: the test reads the tool's redirect and
signs the launch the way a platform would."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
CLIENT_ID = "wp-client-7"
DEPLOYMENT = "deployment-1"


def new_key(kid: str):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    public.update({"kid": kid, "alg": "RS256", "use": "sig"})
    return private, public


@dataclass
class Platform:
    server: ThreadingHTTPServer
    private: object
    public_jwk: dict
    tool_jwks: dict = field(default_factory=dict)  # set by the test: what the tool serves
    scores: list[dict] = field(default_factory=list)  # every score the tool posted
    token_requests: list[dict] = field(default_factory=list)
    failing: bool = False  # the scores endpoint answers 503 while True
    tool_base: str = ""  # set by a browser test: where the course's link goes

    def page(self, path: str) -> str | None:
        """The platform's own pages, for a real browser: a course link that starts the login
        (a cross-site form post, as Moodle's is) and the authorisation step answering it with
        the signed launch (another cross-site form post)."""
        parts = urlsplit(path)
        if parts.path == "/course/launch":
            return _auto_post(
                self.tool_base + "/lti/login",
                {
                    "iss": self.issuer,
                    "login_hint": "hint-42",
                    "target_link_uri": self.tool_base + "/lti/launch",
                    "client_id": CLIENT_ID,
                    "lti_deployment_id": DEPLOYMENT,
                },
            )
        if parts.path == "/auth":
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            token = self.id_token(self.claims(query))
            return _auto_post(query["redirect_uri"], {"id_token": token, "state": query["state"]})
        return None

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def issuer(self) -> str:
        return self.base

    @property
    def lineitem(self) -> str:
        return self.base + "/course/3/lineitems/9/lineitem?type_id=1"

    def registration(self) -> dict[str, str]:
        """The registration form's fields, as an admin copies them from the platform."""
        return {
            "name": "Test Moodle",
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "auth_login_url": self.base + "/auth",
            "token_url": self.base + "/token",
            "jwks_url": self.base + "/jwks",
            "deployment_ids": DEPLOYMENT,
        }

    def claims(self, auth_query: dict, sub: str = "moodle-user-42", **extra) -> dict:
        """A resource-link launch for the person `sub`, answering the tool's auth request."""
        now = int(time.time())
        found = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": auth_query["nonce"],
            "name": "Robin Ashdown",
            "email": "robin.ashdown@example.org",
            LTI + "deployment_id": DEPLOYMENT,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "target_link_uri": auth_query["redirect_uri"],
            LTI + "resource_link": {"id": "resource-5"},
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            LTI + "custom": {"scenario": "short-visit"},
            AGS: {
                "scope": ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
                "lineitem": self.lineitem,
            },
        }
        found.update(extra)
        return found

    def id_token(self, claims: dict, key=None, kid: str | None = None) -> str:
        return jwt.encode(
            claims,
            key or self.private,
            algorithm="RS256",
            headers={"kid": kid or self.public_jwk["kid"]},
        )


def _auto_post(action: str, fields: dict[str, str]) -> str:
    inputs = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in fields.items()
    )
    return (
        f'<!doctype html><title>Platform</title><form method="post" action="{escape(action)}">'
        f'{inputs}<button type="submit">Go</button></form>'
        "<script>document.forms[0].submit()</script>"
    )


def auth_query(location: str) -> dict[str, str]:
    """The tool's authorisation request (the redirect from its login initiation), as a dict."""
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def _handler(platform_ref: list[Platform]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, status: int, body: dict | None = None) -> None:
            data = json.dumps(body or {}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/jwks":
                return self._send(200, {"keys": [platform_ref[0].public_jwk]})
            html = platform_ref[0].page(self.path)
            if html is None:
                return self._send(404)
            data = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            platform = platform_ref[0]
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/token":
                form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                key = jwt.PyJWKSet.from_dict(platform.tool_jwks).keys[0].key
                try:
                    jwt.decode(
                        form["client_assertion"],
                        key,
                        algorithms=["RS256"],
                        audience=platform.base + "/token",
                        issuer=CLIENT_ID,
                    )
                except (jwt.InvalidTokenError, KeyError):
                    return self._send(401, {"error": "invalid_client"})
                platform.token_requests.append(form)
                return self._send(200, {"access_token": "platform-token", "expires_in": 3600})
            if urlsplit(self.path).path == "/course/3/lineitems/9/lineitem/scores":
                if platform.failing:
                    return self._send(503)
                if self.headers.get("Authorization") != "Bearer platform-token":
                    return self._send(401)
                if self.headers.get("Content-Type") != "application/vnd.ims.lis.v1.score+json":
                    return self._send(415)
                platform.scores.append(json.loads(body))
                return self._send(200)
            return self._send(404)

    return Handler


def start_platform() -> Platform:
    ref: list[Platform] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    private, public = new_key("platform-" + uuid.uuid4().hex[:8])
    ref.append(Platform(server=server, private=private, public_jwk=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return ref[0]


def stop_platform(platform: Platform) -> None:
    platform.server.shutdown()
    platform.server.server_close()
