"""Learning sources in the browser: authors and administrators add a review, thematic report or
policy with its findings, competencies, tags and briefing pages; learners read the briefings."""

from flask import Blueprint

bp = Blueprint("sources", __name__)

from . import deleting, items, links, rules, views  # noqa: E402,F401  (routes and template globals register on bp)
