"""Benchmark: bytes a learner's browser downloads for each page of the player, with the
static assets compressed as the app serves them (HTML is never compressed: it carries CSRF
tokens). Target: every page under 100 KB, no third-party requests.

    .venv/bin/python bench/page_weight.py
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    folder = tempfile.mkdtemp(prefix="wp-weight-")
    os.environ.update(
        SECRET_KEY="bench", SESSION_COOKIE_SECURE="0", DATABASE_URL=f"sqlite:///{folder}/w.db"
    )
    from flask_migrate import upgrade

    from app import create_app
    from app.db import db
    from app.services import accounts, library

    app = create_app({"INSTANCE_PATH": folder})
    with app.app_context():
        upgrade()
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        for path in library.scenario_files([app.config["SCENARIO_DIR"]]):
            library.load_file(db.session, path, vocab)
        accounts.create_user(
            db.session,
            email="w@example.org",
            display_name="W",
            roles={"learner"},
            password="weigh these pages please",
        )
        db.session.commit()
    client = app.test_client()
    token = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
    page = client.get("/login").text
    client.post(
        "/login",
        data={
            "csrf_token": token.search(page).group(1),
            "email": "w@example.org",
            "password": "weigh these pages please",
        },
    )
    page = client.get("/scenarios/telephone-review").text
    attempt = client.post(
        "/scenarios/telephone-review/start", data={"csrf_token": token.search(page).group(1)}
    ).headers["Location"]
    pages = [
        "/login",
        "/scenarios",
        "/scenarios/telephone-review",
        attempt,
        "/guide/glossary",
        "/guide/finding-3",
    ]
    headers = {"Accept-Encoding": "br, gzip"}
    figures = {}
    for url in pages:
        html = client.get(url, headers=headers)
        assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html.text)
        third_party = re.findall(r'(?:href|src)="((?:https?:)?//[^"]+)"', html.text)
        sizes = {a: len(client.get(a, headers=headers).data) for a in assets}
        sizes["/static/build/govuk-frontend.min.js"] = len(
            client.get("/static/build/govuk-frontend.min.js", headers=headers).data
        )
        figures[url] = {
            "html_bytes": len(html.data),
            "assets_bytes": sum(sizes.values()),
            "total_kb": round((len(html.data) + sum(sizes.values())) / 1024, 1),
            "third_party_requests": len(third_party),
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
