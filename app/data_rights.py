"""Data rights shared by the learner's and the admin's pages: the JSON download of everything
held about a person (services.personal_data) and its audit entry."""

from __future__ import annotations

import json

from flask import Response

from .db import utcnow
from .models import AuditEvent, User
from .services import personal_data


def download(session, actor: User, person: User) -> Response:
    """The export as an attachment; the audit entry names who downloaded whose data."""
    data = personal_data.export(session, person)
    session.add(
        AuditEvent(actor_id=actor.id, action="export_personal_data", subject_user_id=person.id)
    )
    session.commit()
    name = f"whole-picture-data-{person.id}-{utcnow():%Y-%m-%d}.json"
    return Response(
        json.dumps(data, indent=2, ensure_ascii=False),
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
