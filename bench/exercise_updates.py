"""Benchmark: one live exercise session with N participants whose pages poll the update feed
(as the page's script does: every 1.5 s, with If-None-Match), while one seat shares a fragment
every few seconds. Reports how long a share takes to appear on the other seats' screens (from
the moment the share is sent to the first poll that returns it), the feed's own latency, and
the server's CPU use. Gunicorn, 2 workers x 8 threads, on this machine's loopback; bounded in
time; the load generator runs on the same cores.

    .venv/bin/python bench/exercise_updates.py [--participants 30] [--seconds 30]

Prints JSON figures; copy them into bench/RESULTS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load import CSRF, Client  # noqa: E402
from bench.step_latency import free_port, serve  # noqa: E402

PASSWORD = "bench password long enough"
SLUG = "one-family-many-doors"
SEATS = ("police", "care", "drugs", "gp", "urgent", "school", "aunt")
POLL_SECONDS = 1.5


def prepare(env: dict, participants: int) -> None:
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "app"]
    for command in (["db", "upgrade"], ["exercises", "load"]):
        subprocess.run([*flask, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    code = (
        "from app import create_app\nfrom app.db import db\nfrom app.services import accounts\n"
        "app = create_app()\nwith app.app_context():\n"
        "    accounts.create_user(db.session, email='fac@example.org', display_name='Fac', "
        f"roles={{'facilitator'}}, password={PASSWORD!r})\n"
        f"    for i in range({participants}):\n"
        "        accounts.create_user(db.session, email=f'p{i}@example.org', "
        f"display_name=f'P {{i}}', roles={{'learner'}}, password={PASSWORD!r})\n"
        "    db.session.commit()\n"
    )
    subprocess.run([str(ROOT / ".venv/bin/python"), "-c", code], env=env, cwd=ROOT, check=True)


def sign_in(client: Client, email: str) -> None:
    _, _, page = client.request("GET", "/login")
    token = CSRF.search(page).group(1)
    status, _, _ = client.request(
        "POST", "/login", {"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert status == 302, status


def post(client: Client, page_url: str, action: str, form: dict):
    _, _, page = client.request("GET", page_url)
    return client.request("POST", action, {"csrf_token": CSRF.search(page).group(1), **form})


def _send(client: Client, method: str, path: str, body, headers):
    """Send once; if the server closed the idle keep-alive connection, reconnect and resend."""
    try:
        client.conn.request(method, path, body=body, headers=headers)
        return client.conn.getresponse()
    except (ConnectionError, http.client.HTTPException):
        client.conn.close()
        client.conn.request(method, path, body=body, headers=headers)
        return client.conn.getresponse()


def feed(client: Client, url: str, etag: str) -> tuple[int, str]:
    """One poll, as the page's script makes it."""
    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
        "If-None-Match": f'"{etag}"',
    }
    response = _send(client, "GET", url, None, headers)
    body = response.read().decode()
    if response.status == 200:
        return 200, json.loads(body)["etag"]
    return response.status, etag


class Shares:
    """When each share was sent, so a poller can time when it first sees it."""

    def __init__(self) -> None:
        self.sent: list[float] = []
        self.lock = threading.Lock()
        self.delays: list[float] = []
        self.polls: list[float] = []
        self.errors: list[str] = []

    def seen(self, already: int, now: float) -> int:
        with self.lock:
            for t in self.sent[already:]:
                self.delays.append(now - t)
            return len(self.sent)


def poller(client: Client, url: str, shares: Shares, stop: float, skip: bool) -> None:
    etag, seen = "", 0
    status, etag = feed(client, url, etag)
    assert status == 200, status
    with shares.lock:
        seen = len(shares.sent)
    while time.monotonic() < stop:
        time.sleep(POLL_SECONDS)
        t0 = time.monotonic()
        try:
            status, new = feed(client, url, etag)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not crash
            shares.errors.append(repr(exc))
            continue
        now = time.monotonic()
        with shares.lock:
            shares.polls.append(now - t0)
        if status == 200 and new != etag:
            etag = new
            if not skip:
                seen = shares.seen(seen, now)
        elif status not in (200, 304):
            shares.errors.append(f"feed {status}")


def post_pairs(client: Client, path: str, pairs: list[tuple[str, str]]) -> int:
    """A form post with repeated keys (checkboxes), which Client.request cannot send."""
    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    response = _send(client, "POST", path, urllib.parse.urlencode(pairs), headers)
    response.read()
    return response.status


def sharer(client: Client, seat_url: str, shares: Shares, stop: float, every: float) -> None:
    """The police seat shares its fragment with every other seat, again and again."""
    others = [s for s in SEATS if s != "police"]
    while time.monotonic() < stop - 3:
        time.sleep(every)
        _, _, page = client.request("GET", seat_url)
        pairs = [("csrf_token", CSRF.search(page).group(1)), ("child-alone-basis", "risk")]
        pairs += [("child-alone-to", seat) for seat in others]
        with shares.lock:
            shares.sent.append(time.monotonic())
        status = post_pairs(client, seat_url + "/share/child-alone", pairs)
        if status != 302:
            shares.errors.append(f"share {status}")


def p95(values: list[float]) -> float:
    values = sorted(values)
    return round(values[max(0, int(len(values) * 0.95) - 1)] * 1000, 1) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--share-every", type=float, default=2.0)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="wp-bench-ex-")
    env = {
        **os.environ,
        "SECRET_KEY": "bench",
        "SESSION_COOKIE_SECURE": "0",
        "DATABASE_URL": f"sqlite:///{folder}/bench.db",
    }
    prepare(env, args.participants)
    port = free_port()
    server = serve("app:create_app()", env, port)
    try:
        fac = Client("127.0.0.1", port)
        sign_in(fac, "fac@example.org")
        _, where, _ = post(fac, "/exercises", f"/exercises/{SLUG}/start", {"mode": "live"})
        session_url = re.search(r"/exercises/sessions/\d+", where).group(0)
        _, _, page = fac.request("GET", session_url)
        code = re.search(r'id="join-code">([A-Z0-9]+)<', page).group(1)
        people = []
        for i in range(args.participants):
            client = Client("127.0.0.1", port)
            sign_in(client, f"p{i}@example.org")
            post(client, "/exercises/join", "/exercises/join", {"code": code})
            seat = SEATS[i % len(SEATS)]
            _, where, _ = post(client, session_url, session_url + "/seat", {"seat": seat})
            people.append((client, seat, where))
        shares = Shares()
        workers = psutil.Process(server.pid)
        processes = [workers, *workers.children(recursive=True)]
        cpu_before = sum(sum(p.cpu_times()[:2]) for p in processes)
        started = time.monotonic()
        stop = started + args.seconds
        threads = [
            threading.Thread(
                target=poller, args=(c, w + "/feed", shares, stop, seat == "police"), daemon=True
            )
            for c, seat, w in people
        ]
        police = next((c, w) for c, seat, w in people if seat == "police")
        sharing = Client("127.0.0.1", port)
        sharing.cookies = dict(police[0].cookies)
        threads.append(
            threading.Thread(
                target=sharer,
                args=(sharing, police[1], shares, stop, args.share_every),
                daemon=True,
            )
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + 60)
        wall = time.monotonic() - started
        cpu = sum(sum(p.cpu_times()[:2]) for p in processes) - cpu_before
    finally:
        server.terminate()
        server.wait(10)
    figures = {
        "participants": args.participants,
        "seconds": args.seconds,
        "poll_every_s": POLL_SECONDS,
        "shares_sent": len(shares.sent),
        "share_to_screen": {
            "observations": len(shares.delays),
            "p50_ms": round(statistics.median(shares.delays) * 1000, 1) if shares.delays else 0,
            "p95_ms": p95(shares.delays),
            "max_ms": round(max(shares.delays, default=0) * 1000, 1),
        },
        "feed_request": {
            "count": len(shares.polls),
            "per_second": round(len(shares.polls) / wall, 1),
            "p50_ms": round(statistics.median(shares.polls) * 1000, 1) if shares.polls else 0,
            "p95_ms": p95(shares.polls),
        },
        "server_cpu_percent_of_2_cores": round(100 * cpu / wall / 2, 1),
        "errors": len(shares.errors),
        "first_errors": shares.errors[:3],
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
