"""A bare Flask endpoint, served the same way as the app, as the throughput baseline."""

from flask import Flask

app = Flask(__name__)
PAGE = "<!DOCTYPE html><title>bare</title><p>" + "x" * 2000 + "</p>"


@app.get("/")
def index() -> str:
    return PAGE
