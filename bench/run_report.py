"""The machine's facts and the Markdown section bench/run_all.py prints for bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from pathlib import Path


def _run(command: list[str], cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        return "missing"
    return (
        (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else ""
    )


def machine_facts(root: Path) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    mem = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
    release = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text())
    dirty = _run(["git", "status", "--porcelain", "--untracked-files=no"], root)
    gunicorn = _run([str(root / ".venv/bin/gunicorn"), "--version"])
    return {
        "cpu": model.group(1) if model else platform.processor(),
        "cores": os.cpu_count(),
        "ram_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "os": release.group(1) if release else platform.platform(),
        "python": platform.python_version(),
        "wrk": _run(["wrk", "-v"]).split(" [")[0],
        "gunicorn": gunicorn.replace("gunicorn (version ", "").rstrip(")"),
        "commit": _run(["git", "rev-parse", "--short", "HEAD"], root)
        + (" (+ local changes)" if dirty else ""),
        "branch": _run(["git", "rev-parse", "--abbrev-ref", "HEAD"], root),
    }


def _yes(met: bool) -> str:
    return "met" if met else "**not met**"


def _row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def targets(r: dict) -> list[str]:
    g, floor, pages, load = (
        r.get("generate", {}),
        r.get("floor", {}),
        r.get("pages", {}),
        r.get("load", {}),
    )
    rows = ["| target (issue 12) | figure in this run | met? |", "|---|---|---|"]
    if g:
        ok = (
            g.get("users", 0) >= 10_000
            and g.get("steps", 0) >= 1_000_000
            and g.get("seconds", 1e9) < 300
        )
        rows.append(_row("generator: 10,000 learners, 1,000,000 answers in a few minutes",
                         f"{g.get('users', 0):,} people, {g.get('steps', 0):,} answers in {g.get('seconds')} s "
                         f"(load {r['log']['generate']['load_before']})", _yes(ok)))  # fmt: skip
    if floor:
        cpu, times = floor["cpu_median_ms"], floor["times_bare"]
        for kind, label, limit in (
            ("layout", "layout", 4),
            ("step", "GET step", 10),
            ("answer", "POST answer", 12),
        ):
            rows.append(_row(f"{label} <= {limit}x bare (CPU medians, in process)",
                             f"{cpu[kind]} ms against bare {cpu['bare']} ms: **{times[kind]}x**",
                             _yes(times[kind] <= limit)))  # fmt: skip
    if pages:
        slow = [f"{name} {p['p95_ms']:.0f}" for name, p in pages.items() if p["p95_ms"] >= 200]
        rows.append(_row("every page p95 < 200 ms at 1M answers",
                         f"{len(pages) - len(slow)} of {len(pages)} pages" + (f"; not: {', '.join(slow)}" if slow else ""),
                         _yes(not slow)))  # fmt: skip
        small = r.get("pages_small", {})
        grew = [n for n, p in pages.items() if n in small and p["queries"] > small[n]["queries"]]
        counts = f"{min(p['queries'] for p in pages.values())}-{max(p['queries'] for p in pages.values())} a page"
        # a page's count varies with the person's own history (actions, comments, drafts), so a
        # count above the small run's is listed to be read, not taken as growth by itself
        rows.append(_row("query counts do not grow with the data (200 learners vs the full data)",
                         counts + (f"; more at scale (check whether the person's own history differs): "
                                   f"{', '.join(grew)}" if grew else "; none more at scale"),
                         _yes(not grew) if not grew else "check"))  # fmt: skip
    if load.get("flow"):
        bare, flow = load["bare"], load["flow"]
        cpu_share = ""
        if flow.get("app_cpu_ms_per_request") and bare.get("app_cpu_ms_per_request"):
            server = flow["app_cpu_ms_per_request"] + flow.get("sql_cpu_ms_per_request", 0)
            cpu_share = f" (server CPU a request: bare {bare['app_cpu_ms_per_request']} ms, flow {server:.1f} ms)"
        share = load["flow_share_of_bare"]
        rows.append(_row("no-pause flow >= 20% of bare",
                         f"{flow['per_second']} / {bare['per_second']} requests/s = **{share:.1%}**{cpu_share}",
                         _yes(share >= 0.2)))  # fmt: skip
    if load.get("paused"):
        held = [s for s in load["paused"] if s.get("p95_ms", 1e9) < 100 and not sum(s["errors"].values())
                and not s["unexpected_status"]]  # fmt: skip
        most = max((s["learners"] for s in held), default=0)
        rows.append(_row("2,000 pausing learners, step p95 < 100 ms, no errors",
                         f"held with p95 < 100 ms and no errors: **{most or 'none'}** of "
                         f"{', '.join(str(s['learners']) for s in load['paused'])}", _yes(most >= 2000)))  # fmt: skip
        phases = [load["bare"], load["flow"], *load["paused"]]
        top = max(p.get("client_cpu_cores", 0) for p in phases)
        rows.append(
            _row(
                "load client well under half a core",
                f"wrk at most {top} of a core",
                _yes(top < 0.25),
            )
        )
    rows.append(
        _row(
            "`make test` under 15 minutes; two-server test in CI",
            "not measured by this run",
            "see CI",
        )
    )
    return rows


def load_table(load: dict) -> list[str]:
    head = ["| phase | learners | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | "
            "app CPU ms/req | SQL CPU ms/req | wrk CPU (cores) | load after |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip

    def line(name, s, learners):
        errors = sum(s.get("errors", {}).values()) + s.get("unexpected_status", 0)
        return _row(name, learners, s.get("per_second"), s.get("p50_ms", s.get("p50", "")), s.get("p95_ms", ""),
                    s.get("p99_ms", s.get("p99", "")), s.get("max_ms", ""), errors or 0,
                    s.get("app_cpu_ms_per_request", ""), s.get("sql_cpu_ms_per_request", ""),
                    s.get("client_cpu_cores"), " / ".join(str(x) for x in s.get("load_after", [])))  # fmt: skip

    rows = head + [line("bare (`bench/bare_app.py`)", load["bare"], "16 connections")]
    rows.append(line("learners, no pauses", load["flow"], load["flow"]["connections"]))
    for s in load.get("paused", []):
        rows.append(
            line(
                f"pausing 5-20 s (ramp {s['ramp_seconds']} s, {s['wrk_processes']} wrk)",
                s,
                s["learners"],
            )
        )
    return rows


def pages_table(pages: dict, small: dict) -> list[str]:
    rows = ["| page | p50 ms | p95 ms | p95 < 200? | app CPU p50 ms | SQL p50 ms | queries | queries (200 learners) | KiB |",
            "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, p in pages.items():
        rows.append(_row(name, p["p50_ms"], p["p95_ms"], "yes" if p["p95_ms"] < 200 else "**no**",
                         p["app_cpu_p50_ms"], p["sql_p50_ms"], p["queries"],
                         small.get(name, {}).get("queries", ""), round(p["bytes"] / 1024)))  # fmt: skip
    return rows


def markdown(r: dict) -> str:
    f, log = r["facts"], r["log"]
    out = [f"## {r['started']} · all issue 12 targets in one run (`bench/run_all.py`)", "",
           f"Machine: {f['cpu']}, {f['cores']} cores, {f['ram_gib']} GiB, {f['os']}, Python {f['python']}, "
           f"PostgreSQL {f.get('postgresql', '?')} (`scripts/postgres.sh`: fsync off), {f['wrk']}, gunicorn {f['gunicorn']}. "
           f"Commit {f['commit']} on {f['branch']}. Finished {r.get('finished', '?')}. `uptime` load (1/5/15 min) "
           f"at the start {r['load_start']}, at the end {r.get('load_end', '?')}.", "",
           "Commands, each with its time and the load before and after:", ""]  # fmt: skip
    for name, entry in log.items():
        out.append(f"    {entry['command']}")
        out.append(
            f"        # {name}: {entry['seconds']} s, load {entry['load_before']} -> {entry['load_after']}"
        )
    out += ["", "### Every target against its figure", "", *targets(r)]
    if r.get("floor"):
        fl = r["floor"]
        out += ["", f"### Floor (`bench/floor.py`, in process, SQLite, {fl['rounds']} rounds; CPU medians, ms)", "",
                "| bare | layout | GET step | POST answer |", "|---|---|---|---|",
                _row(*(f"{fl['cpu_median_ms'][k]}" + ("" if k == "bare" else f" ({fl['times_bare'][k]}x)")
                       for k in ("bare", "layout", "step", "answer")))]  # fmt: skip
    if r.get("pages"):
        out += ["", "### Pages (`bench/pages.py`, in process, on the generated PostgreSQL data)", "",
                *pages_table(r["pages"], r.get("pages_small", {}))]  # fmt: skip
    if r.get("load"):
        load = r["load"]
        out += ["", f"### Load (`bench/load_wrk.py`; gunicorn {load['gunicorn']})", "", *load_table(load), "",
                "Latency is per request as the client sees it (pauses are not in it). The paused phases time only "
                "the requests sent in a 30 s window after the ramp and a settling time. Server CPU per request: "
                "gunicorn's workers and PostgreSQL's processes over the phase, divided by the requests."]  # fmt: skip
    return "\n".join(out) + "\n"
