"""Issue 12's whole dated run in one command: a throwaway PostgreSQL, the partnership-scale data,
the floor, the pages, the load; machine facts and `uptime` load before and after each part;
then a Markdown section for bench/RESULTS.md on stdout (every target against its figure).

    .venv/bin/python bench/run_all.py [--port 5105] [--out /tmp/wp-run]   # ~12-15 minutes

Needs `make install` and wrk (`apt-get install -y wrk`); scripts/postgres.sh installs the
PostgreSQL server packages when missing (as root on Debian). Everything it starts (PostgreSQL,
gunicorn, wrk) is stopped at the end, also on Ctrl-C or SIGTERM. Raw JSON and logs of every part
stay in --out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.run_report import machine_facts, markdown  # noqa: E402

PY = str(ROOT / ".venv/bin/python")
running: list[subprocess.Popen] = []


def uptime() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def part(name: str, command: list[str], out: Path, env: dict, log: dict) -> dict:
    """Run one part, its stdout's JSON kept (the last JSON document in it), stderr to a log."""
    print(f"[{time.strftime('%H:%M:%S')}] {name}: {' '.join(command)}", file=sys.stderr)
    entry = {"command": " ".join(command), "load_before": uptime(), "started": time.time()}
    with open(out / f"{name}.out", "w") as stdout, open(out / f"{name}.err", "w") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr)  # noqa: S603
        running.append(process)
        code = process.wait()
        running.remove(process)
    entry.update(seconds=round(time.time() - entry.pop("started")), load_after=uptime())
    log[name] = entry
    if code != 0:
        tail = (out / f"{name}.err").read_text()[-2000:]
        raise SystemExit(f"{name} failed (exit {code}):\n{tail}")
    text = (out / f"{name}.out").read_text()
    try:
        return json.loads(text[text.index("{") :])
    except ValueError:
        return last_json_line(text)


def last_json_line(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {}


def stop_everything(pg_dir: Path) -> None:
    for process in list(running):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # load_wrk stops its gunicorn and wrk on it
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
    if pg_dir.exists():
        subprocess.run(
            ["bash", str(ROOT / "scripts/postgres.sh"), "stop", str(pg_dir)], check=False
        )  # noqa: S603, S607


def on_term(signum, frame) -> None:  # noqa: ARG001
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5105, help="the throwaway PostgreSQL's port")
    parser.add_argument("--out", default="/tmp/wp-run", help="raw JSON and logs are kept here")
    parser.add_argument("--floor-rounds", type=int, default=60)
    parser.add_argument("--pages-rounds", type=int, default=30)
    parser.add_argument("--ramp", default="500,1000,2000")
    parser.add_argument("--quick", action="store_true", help="a small trial of the whole run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pg_dir = out / "pg"
    if pg_dir.exists():
        raise SystemExit(f"{pg_dir} exists: another run, or a stopped one (remove it)")
    signal.signal(signal.SIGTERM, on_term)
    quick = args.quick
    facts = machine_facts(ROOT)
    log: dict = {}
    results: dict = {
        "facts": facts,
        "log": log,
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    results["load_start"] = uptime()
    env = {**os.environ, "PGTEST_PORT": str(args.port)}
    try:
        url = subprocess.run(  # noqa: S603
            ["bash", str(ROOT / "scripts/postgres.sh"), "start", str(pg_dir)],
            env=env, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        env["DATABASE_URL"] = url
        facts["postgresql"] = subprocess.run(  # noqa: S603
            [PY, "-c", "import os, sqlalchemy as s; e = s.create_engine(os.environ['DATABASE_URL']"
             ".replace('postgresql:', 'postgresql+psycopg:')); c = e.connect(); "
             "print(c.execute(s.text('show server_version')).scalar())"],
            env=env, capture_output=True, text=True, check=False,
        ).stdout.strip()  # fmt: skip
        # query counts at a small scale first, to compare with the large one
        small = url.rsplit("/", 1)[0] + "/whole_picture_small"
        subprocess.run(  # noqa: S603
            [PY, "-c", "import os, sqlalchemy as s; e = s.create_engine(os.environ['DATABASE_URL']"
             ".replace('postgresql:', 'postgresql+psycopg:'), isolation_level='AUTOCOMMIT'); "
             "e.connect().execute(s.text('create database whole_picture_small'))"],
            env=env, check=True,
        )  # fmt: skip
        small_env = {**env, "DATABASE_URL": small}
        part("generate_small", [PY, "bench/generate.py", "--learners", "200", "--answers", "20000",
             "--audit", "5000"], out, small_env, log)  # fmt: skip
        results["pages_small"] = part("pages_small", [PY, "bench/pages.py", "--rounds", "2"],
                                      out, small_env, log)  # fmt: skip
        size = ["--learners", "1000", "--answers", "100000"] if quick else []
        part("generate", [PY, "bench/generate.py", *size], out, env, log)
        results["generate"] = last_json_line((out / "generate.out").read_text())
        floor_rounds = "20" if quick else str(args.floor_rounds)
        # in process on SQLite (floor.py makes its own database): the app's CPU per request
        results["floor"] = part("floor", [PY, "bench/floor.py", "--rounds", floor_rounds],
                                out, env, log)  # fmt: skip
        pages_rounds = "5" if quick else str(args.pages_rounds)
        results["pages"] = part("pages", [PY, "bench/pages.py", "--rounds", pages_rounds,
                                "--explain"], out, env, log)  # fmt: skip
        load = ["--seconds", "30", "--paused-seconds", "30", "--ramp", args.ramp, "--keep-going"]
        if quick:
            load = ["--seconds", "5", "--paused-seconds", "10", "--settle", "3",
                    "--ramp", "50,100", "--keep-going"]  # fmt: skip
        results["load"] = part("load", [PY, "bench/load_wrk.py", *load], out, env, log)
    finally:
        stop_everything(pg_dir)
        results["load_end"] = uptime()
        results["finished"] = time.strftime("%H:%M UTC", time.gmtime())
        (out / "results.json").write_text(json.dumps(results, indent=2))
    text = markdown(results)
    (out / "RESULTS-section.md").write_text(text)
    print(text)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        raise SystemExit("stopped; PostgreSQL, gunicorn and wrk were stopped too") from None
