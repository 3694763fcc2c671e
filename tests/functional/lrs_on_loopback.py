"""A tiny learning record store served on loopback by a test: it keeps what it is PUT, answers
409 for an id it already holds, and fails the PUTs whose numbers the test names ("500" answers
HTTP 500, "drop" closes the connection without an answer)."""

from __future__ import annotations

import base64
import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Lrs:
    def __init__(self, failures: dict[int, str] | None = None, key="k", secret="s") -> None:
        self.failures = failures or {}
        self.auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.held: dict[str, dict] = {}
        self.accepted: dict[str, int] = {}  # id -> times stored (must stay 1)
        self.puts = 0
        self.refused: list[int] = []  # PUT numbers that failed on purpose
        self.lock = threading.Lock()
        self.endpoint = ""


def _handler(lrs: Lrs):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _reply(self, status: int, body: bytes = b"") -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _allowed(self) -> bool:
            return (
                self.headers.get("Authorization") == lrs.auth
                and self.headers.get("X-Experience-API-Version") == "1.0.3"
            )

        def do_GET(self) -> None:
            if not self._allowed():
                return self._reply(401)
            self._reply(200, b'{"statements": [], "more": ""}')

        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if not self._allowed():
                return self._reply(401)
            query = parse_qs(urlparse(self.path).query)
            statement_id = query["statementId"][0]
            with lrs.lock:
                lrs.puts += 1
                number = lrs.puts
                failure = lrs.failures.get(number)
                if failure:
                    lrs.refused.append(number)
                elif statement_id in lrs.held:
                    return self._reply(409)
                else:
                    statement = json.loads(body)
                    assert statement["id"] == statement_id
                    lrs.held[statement_id] = statement
                    lrs.accepted[statement_id] = lrs.accepted.get(statement_id, 0) + 1
            if failure == "500":
                return self._reply(500)
            if failure == "drop":
                self.close_connection = True
                return None  # no answer at all: the client sees the connection drop
            return self._reply(204)

    return Handler


@contextmanager
def serving(lrs: Lrs):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(lrs))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    lrs.endpoint = f"http://127.0.0.1:{server.server_address[1]}/xapi/"
    try:
        yield lrs
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
