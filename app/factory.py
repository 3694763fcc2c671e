"""The application factory, as a list of small named steps (`app.create_app` calls it)."""

from __future__ import annotations

import os
import secrets
from typing import Any

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config
from .extensions import compress, csrf, db, govuk_wtf, login_manager, migrate
from .request_hygiene import CleanRequest, DatabaseInt


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    instance = (test_config or {}).get("INSTANCE_PATH")
    app = Flask("app", instance_relative_config=True, instance_path=instance)
    app.request_class = CleanRequest
    app.url_map.converters["int"] = DatabaseInt
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.update(test_config)
    if not config.is_postgres(app.config["SQLALCHEMY_DATABASE_URI"]):
        # A SQLite file has no server to drop a connection: no ping before every request.
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        options.pop("pool_pre_ping", None)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(
            app.instance_path, app.config["SQLALCHEMY_DATABASE_URI"]
        )
    if app.config.get("TRUSTED_PROXIES"):
        # Behind N reverse proxies, the client's address (sign-in throttling is per address)
        # is taken from the X-Forwarded-For entries those proxies added.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"], x_proto=1)
    register_templates(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_commands(app)
    return app


def register_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            PrefixLoader({"govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    from .markdown import plain_text, render_markdown
    from .template_filters import FILTERS
    from .views_helpers import template_globals

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["plain_text"] = plain_text
    app.jinja_env.filters.update(FILTERS)
    app.context_processor(template_globals)


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(
        app, db, directory=os.path.join(app.root_path, "..", "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    compress.init_app(app)
    govuk_wtf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Sign in to carry on."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    from .auth.loader import load_user, unauthorised

    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(unauthorised)


def register_blueprints(app: Flask) -> None:
    from .about import bp as about_bp
    from .admin.views import bp as admin_bp
    from .assign import bp as assign_bp
    from .auth.views import bp as auth_bp
    from .author.views import bp as author_bp
    from .exercises.routes import bp as exercises_bp
    from .guide.views import bp as guide_bp
    from .insights import bp as insights_bp
    from .learn.views import bp as learn_bp
    from .lti.admin import bp as lti_admin_bp
    from .lti.views import bp as lti_bp
    from .media_route import bp as media_bp
    from .sources import bp as sources_bp
    from .supervise.views import bp as supervise_bp
    from .verify import bp as verify_bp

    app.register_blueprint(verify_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(about_bp)
    app.register_blueprint(learn_bp)
    app.register_blueprint(media_bp)
    app.register_blueprint(exercises_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(guide_bp, url_prefix="/guide")
    app.register_blueprint(author_bp, url_prefix="/author")
    app.register_blueprint(supervise_bp, url_prefix="/supervise")
    app.register_blueprint(sources_bp, url_prefix="/sources")
    app.register_blueprint(insights_bp, url_prefix="/insights")
    app.register_blueprint(assign_bp, url_prefix="/assignments")
    app.register_blueprint(lti_bp)
    app.register_blueprint(lti_admin_bp, url_prefix="/admin/lti")


def register_errorhandlers(app: Flask) -> None:
    def render_error(error):
        code = getattr(error, "code", 500) or 500
        return render_template(f"errors/{code}.html"), code

    for code in (400, 403, 404, 405, 413, 500):
        app.register_error_handler(code, render_error)

    from .learn.views import csrf_failed

    app.register_error_handler(CSRFError, csrf_failed)


def register_security_headers(app: Flask) -> None:
    from .views_helpers import csp_nonce

    def make_nonce() -> None:
        g.csp_nonce = secrets.token_urlsafe(16)

    # First of all request hooks, so a page drawn by an earlier hook's error (a failed CSRF
    # check) still carries this request's nonce; csp_nonce() also makes one if none is set.
    app.before_request_funcs.setdefault(None, []).insert(0, make_nonce)

    @app.after_request
    def headers(response):
        nonce = csp_nonce()
        # A page that posts to another site (an LTI deep-linking answer) names that one origin.
        form_action = " ".join(
            ["'self'", *filter(None, [getattr(response, "csp_form_action", "")])]
        )
        # A response with its own stricter policy (an uploaded image or audio) keeps it.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action " + form_action + "; "
            "frame-ancestors 'none'",
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if request.endpoint not in ("static", "media.file"):
            response.headers["Cache-Control"] = "no-store"
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response


def register_commands(app: Flask) -> None:
    from .cli import demo, exercises, lti, retention, scenarios, sources, supervision, users, xapi

    app.cli.add_command(scenarios.group)
    app.cli.add_command(sources.group)
    app.cli.add_command(exercises.group)
    app.cli.add_command(supervision.group)
    app.cli.add_command(users.group)
    app.cli.add_command(retention.group)
    app.cli.add_command(lti.group)
    app.cli.add_command(demo.command)
    app.cli.add_command(xapi.group)
