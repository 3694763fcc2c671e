"""What authors add beside a draft's text: images and audio for a scenario's steps, kept in the
database (portable between SQLite and PostgreSQL, never under the web root) and served by
app/media_route.py; and where an author moved the boxes on a draft's map."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow
from .accounts import User


class MediaFile(db.Model):
    """One uploaded file. `name` is what step text refers to (`media:name`), unique across the
    library so a reference means the same file in every draft and version of its scenario."""

    __tablename__ = "media_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    scenario_slug: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "image" or "audio"
    content_type: Mapped[str] = mapped_column(String(40))  # from the file's bytes, not its name
    filename: Mapped[str] = mapped_column(String(120))  # a safe name for Content-Disposition
    alt: Mapped[str] = mapped_column(Text, default="")  # an image's alt text, an audio's title
    transcript: Mapped[str] = mapped_column(Text, default="")  # audio only
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    uploaded_by: Mapped[User | None] = relationship()


class MapPosition(db.Model):
    """Where an author moved a step's box on a draft's map (its top-left corner); steps not
    moved stay where the automatic layout puts them."""

    __tablename__ = "draft_map_positions"
    draft_id: Mapped[int] = mapped_column(
        ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True
    )
    node_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    x: Mapped[int] = mapped_column(Integer)
    y: Mapped[int] = mapped_column(Integer)
