"""Whole Picture as an LTI 1.3 tool: the protocol endpoints (views.py), the admin's platform
registrations (admin.py), and sending grades back (grading.py)."""
