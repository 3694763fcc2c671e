"""Serving uploaded images and audio (app/models/media.py) to the people who may see the
scenario they belong to (app/authz.py, `view_media`), with headers that let a browser do nothing
with them but show or play them."""

from __future__ import annotations

from flask import Blueprint, Response, request
from flask_login import login_required

from .authz import load_or_refuse
from .models import MediaFile

bp = Blueprint("media", __name__)

# The file is never a page: no scripts, no styles, no frames, nothing it could load.
MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"


@bp.get("/media/<name>")
@login_required
def file(name: str):
    media = load_or_refuse(MediaFile, name, "view_media", by=MediaFile.name)
    etag = f'"{media.sha256}"'
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'inline; filename="{media.filename}"',
        "Content-Security-Policy": MEDIA_CSP,
        # Private: only signed-in people who may see the scenario, so no shared cache keeps it.
        "Cache-Control": "private, max-age=3600",
        "ETag": etag,
    }
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers=headers)
    return Response(media.data, status=200, content_type=media.content_type, headers=headers)
