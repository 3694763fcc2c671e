"""Multi-agency exercises in the browser: facilitate, join, play a seat, debrief."""
