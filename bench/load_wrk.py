"""Load benchmark with a compiled client (wrk), against gunicorn as the README's production
recipe runs it (2 workers per core, gthread, 4 threads each, keep-alive 30 s), on PostgreSQL
holding the data bench/generate.py made. In one run:

  bare    wrk against bench/bare_app.py served the same way: the throughput ceiling;
  flow    learners playing with no pauses (bench/load_flow.lua): throughput as a share of bare;
  paused  learners pausing 5-20 s between the requests a person makes (none before following
          a redirect), at each size of the ramp (500, 1000, 2000 ...): the most the machine
          holds with step p95 under 100 ms and no errors.

Each learner is one wrk connection with its own thread (so its own Lua state); sessions are
made beforehand in the database and signed with the servers' key, so no one signs in (argon2)
during the run. A paused phase starts its learners in groups (one wrk process each, --group
learners) spread over a ramp (--arrivals learners a second), so their first requests do not
all land in the same instant as one wrk's would; only requests sent in the steady window after
the ramp and a settling time are timed (by the Lua script, merged across processes).

For every phase: the client's CPU (wrk's user + system time, as a share of a core), and the
server's CPU per request: gunicorn's workers and PostgreSQL's processes, from /proc, which a
busy machine does not inflate the way it inflates wall times.

    DATABASE_URL=postgresql://... .venv/bin/python bench/load_wrk.py \
        [--seconds 30] [--ramp 500,1000,2000] [--paused-seconds 30] [--port 5155]

Prints one JSON document (and each phase on stderr as it ends); bench/run_all.py turns it into
Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load_server import (  # noqa: E402
    SECRET,
    ServerCpu,
    postmaster_pid,
    prepare_sessions,
    recipe,
    serve,
    stop,
)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk_command(connections: int, seconds: float, script: bool) -> list[str]:
    command = ["wrk", "--latency", "--timeout", "10s", "-d", f"{max(1, round(seconds))}s"]
    if script:  # one thread per connection: each learner has its own Lua state
        return [*command, "-t", str(connections), "-c", str(connections),
                "-s", str(ROOT / "bench/load_flow.lua")]  # fmt: skip
    return [*command, "-t", "2", "-c", str(connections)]


def parse(output: str) -> tuple[dict, list[float]]:
    """wrk's own figures, the script's WPJSON counts and its WPLAT latencies."""
    figures: dict = {}
    latencies: list[float] = []
    for line in output.splitlines():
        if line.startswith("WPJSON "):
            figures.update(json.loads(line[len("WPJSON ") :]))
        elif line.startswith("WPLAT "):
            latencies += [float(v) for v in line[len("WPLAT ") :].split(",") if v]
        elif line.strip().endswith("read") and " requests in " in line:
            figures.setdefault("requests", int(line.split()[0]))
        elif line.startswith("Requests/sec:"):
            figures.setdefault("per_second", float(line.split()[1]))
        elif line.strip().startswith(("50%", "99%")):
            key, value = line.split()
            figures.setdefault(f"p{key.rstrip('%')}", value)
        elif "Non-2xx or 3xx" in line or "Socket errors" in line:
            figures.setdefault("problems", []).append(line.strip())
    return figures, latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def wrk(url: str, connections: int, seconds: float, env: dict, script: bool, cpu: ServerCpu):
    """One wrk process: its figures, the client's and the server's CPU."""
    before, started = children_cpu(), time.monotonic()
    cpu.start()
    done = subprocess.run(  # noqa: S603
        [*wrk_command(connections, seconds, script), url],
        env=env, stdout=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    figures, _ = parse(done.stdout)
    wall = time.monotonic() - started
    figures["connections"] = connections
    figures["client_cpu_cores"] = round((children_cpu() - before) / wall, 3)
    figures.update(cpu.stop(figures.get("requests") or 0))
    return figures


def paused_phase(url: str, learners: int, args, env: dict, cpu: ServerCpu) -> dict:
    """`learners` pausing learners, started in groups over a ramp; the steady window timed."""
    groups = [min(args.group, learners - first) for first in range(0, learners, args.group)]
    ramp = learners / args.arrivals
    begin = time.time() + 1
    measure_from = begin + ramp + args.settle
    measure_to = measure_from + args.paused_seconds
    before = children_cpu()
    processes = []
    cpu.start()
    try:
        for n, size in enumerate(groups):
            offset = sum(groups[:n])
            when = begin + ramp * offset / learners
            time.sleep(max(0.0, when - time.time()))
            group_env = {**env, "WP_OFFSET": str(offset), "WP_MEASURE_FROM": f"{measure_from:.3f}",
                         "WP_MEASURE_TO": f"{measure_to:.3f}"}  # fmt: skip
            command = [*wrk_command(size, measure_to + 1 - time.time(), True), url]
            processes.append(
                subprocess.Popen(command, env=group_env, stdout=subprocess.PIPE, text=True)  # noqa: S603
            )
        outputs = [process.communicate()[0] for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    wall = time.time() - begin
    latencies: list[float] = []
    errors: dict = {}
    unexpected, statuses, sent = 0, [], 0
    for output in outputs:
        figures, timed = parse(output)
        latencies += timed
        for kind, count in figures.get("errors", {}).items():
            errors[kind] = errors.get(kind, 0) + count
        unexpected += figures.get("unexpected_status", 0)
        sent += figures.get("requests", 0)
        if figures.get("statuses"):
            statuses.append(figures["statuses"])
    step = {
        "learners": learners,
        "wrk_processes": len(groups),
        "ramp_seconds": round(ramp, 1),
        "timed_seconds": args.paused_seconds,
        "requests": len(latencies),
        "per_second": round(len(latencies) / args.paused_seconds, 1),
        "errors": errors,
        "unexpected_status": unexpected,
        "statuses": " ".join(statuses),
        "client_cpu_cores": round((children_cpu() - before) / wall, 3),
    }
    if latencies:
        step.update({f"p{int(q * 100)}_ms": percentile(latencies, q) for q in (0.5, 0.95, 0.99)})
        step["max_ms"] = round(max(latencies), 1)
    step["requests_whole_phase"] = sent
    step.update(cpu.stop(sent))  # over the whole phase (ramp included) and all its requests
    step["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return step


def stopped(signum, frame) -> None:  # noqa: ARG001
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30, help="bare and no-pause phases")
    parser.add_argument("--flow-connections", type=int, default=16)
    parser.add_argument("--ramp", default="500,1000,2000", help="paused learners, in turn")
    parser.add_argument("--paused-seconds", type=float, default=30, help="timed window")
    parser.add_argument("--settle", type=float, default=10, help="s after the ramp, untimed")
    parser.add_argument("--arrivals", type=float, default=50, help="learners starting a second")
    parser.add_argument("--group", type=int, default=10, help="learners per wrk process")
    parser.add_argument("--pause", default="5000,20000", help="min,max ms between requests")
    parser.add_argument("--port", type=int, help="gunicorn's port (default: a free one)")
    parser.add_argument(
        "--keep-going", action="store_true", help="run every ramp step, not only up to a miss"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stopped)  # run_all.py stops a run so: gunicorn stops too
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        raise SystemExit("set DATABASE_URL to the PostgreSQL that bench/generate.py filled")
    ramp = [int(n) for n in args.ramp.split(",") if n]
    folder = Path(tempfile.mkdtemp(prefix="wp-load-"))
    env = {**os.environ, "SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": "0"}
    os.environ.update(SECRET_KEY=SECRET, SESSION_COOKIE_SECURE="0")
    sessions_file = prepare_sessions(max([args.flow_connections, *ramp]), folder)
    postmaster = postmaster_pid()
    results: dict = {"cores": os.cpu_count(), "gunicorn": " ".join(recipe("APP", 0)[1:])}
    results["load_start"] = [round(x, 2) for x in os.getloadavg()]
    bare, port = serve("bench.bare_app:app", env, args.port)
    try:
        cpu = ServerCpu(bare, None)
        results["bare"] = wrk(f"http://127.0.0.1:{port}/", 16, args.seconds, env, False, cpu)
        results["bare"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        stop(bare)
    server, port = serve("app:create_app()", env, args.port)
    url = f"http://127.0.0.1:{port}"
    cpu = ServerCpu(server, postmaster)
    flow_env = {**env, "WP_SESSIONS": str(sessions_file), "WP_PAUSE_MIN": "0", "WP_PAUSE_MAX": "0"}
    try:
        # warm-up, not counted: each worker parses the scenarios and compiles its templates
        wrk(url, args.flow_connections, 10, flow_env, True, cpu)
        flow = wrk(url, args.flow_connections, args.seconds, flow_env, True, cpu)
        flow["load_after"] = [round(x, 2) for x in os.getloadavg()]
        results["flow"] = flow
        print(json.dumps({"flow": flow}), file=sys.stderr)
        results["flow_share_of_bare"] = round(flow["per_second"] / results["bare"]["per_second"], 3)
        low, high = args.pause.split(",")
        paused_env = {**flow_env, "WP_PAUSE_MIN": low, "WP_PAUSE_MAX": high}
        results["paused"] = []
        for learners in ramp:
            step = paused_phase(url, learners, args, paused_env, cpu)
            results["paused"].append(step)
            print(json.dumps(step), file=sys.stderr)
            missed = step.get("p95_ms", 1e9) >= 100 or sum(step["errors"].values())
            if (missed or step["unexpected_status"]) and not args.keep_going:
                break
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)
    results["load_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
