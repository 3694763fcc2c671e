"""Supervisors: team dashboard, learner page, printable agenda, supervision records."""
