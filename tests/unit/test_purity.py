"""The pure packages know nothing of the web stack: importing any of their modules in a fresh
interpreter loads no Flask, database, form or template library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ["app.engine", "app.authoring", "app.supervision", "app.exercise", "app.xapi", "app.charts"]
WEB_STACK = ["flask", "sqlalchemy", "wtforms", "jinja2", "werkzeug", "markupsafe"]

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [sys.argv[1]] + [
    m.name for m in pkgutil.walk_packages(getattr(package, "__path__", []), sys.argv[1] + ".")
    if not m.name.endswith(".__main__")
]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted(sys.modules)}))
"""


@pytest.mark.parametrize("package", PURE)
def test_importing_a_pure_package_loads_nothing_of_the_web_stack(package):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, package],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["modules"]) > 3, report["modules"]  # the walk found the package's modules
    loaded = {name.split(".")[0] for name in report["loaded"]}
    assert sorted(loaded & set(WEB_STACK)) == []


def test_the_probe_would_notice_the_web_stack():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "app.markdown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "markupsafe" in json.loads(result.stdout)["loaded"]


def test_flask_app_app_still_finds_the_factory(monkeypatch, tmp_path):
    from flask.cli import find_best_app

    import app
    import app.factory

    built = app.factory.create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x"})
    monkeypatch.setattr(app.factory, "create_app", lambda test_config=None: built)
    assert find_best_app(app) is built  # what `flask --app app` does
    assert built.name == "app" and Path(built.root_path) == ROOT / "app"
