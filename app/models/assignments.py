"""Assignments: a scenario or exercise set for a learner, a team or an agency, with a due date.

Supervisors assign to a learner they supervise or to their own team; administrators to any
team or agency (app.authz `assign`). Who must do it is worked out when read (the team's or
agency's members now), so a person who joins a team sees what the team was set.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow


class Assignment(db.Model):
    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint("(scenario_id IS NULL) != (exercise_id IS NULL)", name="one_activity"),
        CheckConstraint(
            "(CASE WHEN user_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN team_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN agency_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_audience",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int | None] = mapped_column(ForeignKey("scenarios.id"), index=True)
    exercise_id: Mapped[int | None] = mapped_column(ForeignKey("exercises.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    scenario = relationship("StoredScenario")
    exercise = relationship("StoredExercise")
    user = relationship("User", foreign_keys=[user_id])
    team = relationship("Team")
    agency = relationship("Agency")
