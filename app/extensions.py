"""Extension objects, created bare here and bound to the app in create_app()."""

from flask_compress import Compress
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers

from .db import db

compress = Compress()
login_manager = LoginManager()
csrf = CSRFProtect()
migrate = Migrate()
govuk_wtf = WTFormsHelpers()

__all__ = ["compress", "csrf", "db", "govuk_wtf", "login_manager", "migrate"]
