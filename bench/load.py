"""A small load generator: N simulated learners on keep-alive connections, each in a thread.

Bounded in count and time, loopback only. Shared by the benchmarks in this folder.
"""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STEP = re.compile(r'<input[^>]*name="step"[^>]*value="(\d+)"')
OPTION = re.compile(r'name="option" type="radio" value="(\d+)"')
BUTTON = re.compile(r'<a class="govuk-button"[^>]*href="([^"]+)"')


@dataclass
class Results:
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.timings.setdefault(kind, []).append(seconds)

    def summary(self, duration: float) -> dict:
        out = {}
        for kind, values in sorted(self.timings.items()):
            values.sort()
            out[kind] = {
                "count": len(values),
                "per_second": round(len(values) / duration, 1),
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": round(values[int(len(values) * 0.95) - 1] * 1000, 1),
                "max_ms": round(values[-1] * 1000, 1),
            }
        out["errors"] = len(self.errors)
        return out


class Client:
    """One browser without JavaScript: cookies, forms, redirects."""

    def __init__(self, host: str, port: int) -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (ConnectionError, http.client.HTTPException):
            self.conn.close()  # the server closed an idle keep-alive connection: reconnect
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), text


class Clock:
    """Every simulated learner signs in first; the timed window starts when all have."""

    def __init__(self, parties: int, seconds: float) -> None:
        self.seconds = seconds
        self.started = 0.0
        self.barrier = threading.Barrier(parties, action=self._start)

    def _start(self) -> None:
        self.started = time.monotonic()

    @property
    def deadline(self) -> float:
        return self.started + self.seconds


def learner_loop(
    client: Client, email: str, password: str, slug: str, clock: Clock, results: Results
) -> None:
    """Sign in, then play the scenario again and again until the deadline, timing each step."""
    try:
        _, _, page = client.request("GET", "/login")
        status, _, _ = client.request(
            "POST",
            "/login",
            {"csrf_token": CSRF.search(page).group(1), "email": email, "password": password},
        )
        if status != 302:
            results.errors.append(f"login {status}")
        clock.barrier.wait()
        if status == 302:
            _play(client, slug, clock.deadline, results)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not crash
        results.errors.append(repr(exc))


def _play(client: Client, slug: str, deadline: float, results: Results) -> None:
    while time.monotonic() < deadline:
        _, _, page = client.request("GET", f"/scenarios/{slug}")
        _, where, _ = client.request(
            "POST", f"/scenarios/{slug}/start", {"csrf_token": CSRF.search(page).group(1)}
        )
        while where and "/ending" not in where and time.monotonic() < deadline:
            t0 = time.perf_counter()
            status, _, page = client.request("GET", where)
            results.add("GET step", time.perf_counter() - t0)
            if "/feedback/" in where:
                where = BUTTON.search(page).group(1)
                continue
            form = {"csrf_token": CSRF.search(page).group(1), "step": STEP.search(page).group(1)}
            option = OPTION.search(page)
            if option:
                form["option"] = option.group(1)
            if 'name="reflection"' in page:
                form["reflection"] = "A benchmark reflection about who else to hear from."
            t0 = time.perf_counter()
            status, where, _ = client.request("POST", where, form)
            results.add("POST answer", time.perf_counter() - t0)
            if status != 302:
                results.errors.append(f"answer {status}")
                return


def bare_loop(client: Client, clock: Clock, results: Results) -> None:
    clock.barrier.wait()
    while time.monotonic() < clock.deadline:
        t0 = time.perf_counter()
        client.request("GET", "/")
        results.add("GET bare", time.perf_counter() - t0)


def run_threads(targets: list, clock: Clock) -> float:
    """Run the loops; return the length of the timed window in seconds."""
    threads = [threading.Thread(target=t, daemon=True) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(clock.seconds + 120)
    return time.monotonic() - clock.started
