"""Safeguard's one settings module, driven by environment variables.

DATABASE_URL selects the database (SQLite under var/ by default, PostgreSQL in production);
SAFEGUARD_SECRET_KEY must be set when SAFEGUARD_DEBUG is off.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from safeguard.web.config.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(env_str("SAFEGUARD_HOME", str(Path.cwd())))
VAR_DIR = PROJECT_DIR / "var"

DEBUG = env_bool("SAFEGUARD_DEBUG", True)
SECRET_KEY = env_str("SAFEGUARD_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SAFEGUARD_SECRET_KEY must be set when SAFEGUARD_DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-the-synthetic-demo"  # noqa: S105

ALLOWED_HOSTS = env_list("SAFEGUARD_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "safeguard.web.access",
    "safeguard.web.workforce",
    "safeguard.web.casework",
    "safeguard.web.timescales",
    "safeguard.web.returns",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "safeguard.web.access.middleware.LoginRequiredEverywhereMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "safeguard.web.config.urls"
WSGI_APPLICATION = "safeguard.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent.parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_default_sqlite = f"sqlite:///{VAR_DIR / 'safeguard.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_sqlite),
        conn_max_age=env_int("SAFEGUARD_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "access.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# The local authority's three-digit DfE code, written by `safeguard export` in the CIN census
# header (LEA) and the SSDA903 LA_PERM. "999" is no council's code: it marks the synthetic demo.
SAFEGUARD_LA_CODE = env_str("SAFEGUARD_LA_CODE", "999").strip()
if not (len(SAFEGUARD_LA_CODE) == 3 and SAFEGUARD_LA_CODE.isdigit()):
    raise ImproperlyConfigured(
        f"SAFEGUARD_LA_CODE must be the council's three-digit DfE code, not {SAFEGUARD_LA_CODE!r}"
    )

LOGIN_URL = "access:sign_in"
LOGIN_REDIRECT_URL = "casework:caseload"
LOGOUT_REDIRECT_URL = "access:sign_in"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SAFEGUARD_SESSION_SECONDS", 8 * 60 * 60)
SESSION_COOKIE_SECURE = env_bool("SAFEGUARD_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [Path(__file__).resolve().parent.parent / "static"]
# In production set SAFEGUARD_STATIC_ROOT and run `safeguard manage collectstatic`; in development
# WhiteNoise serves the files straight from the apps.
STATIC_ROOT = env_str("SAFEGUARD_STATIC_ROOT", "") or None
WHITENOISE_USE_FINDERS = STATIC_ROOT is None
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("SAFEGUARD_LOG_LEVEL", "WARNING")},
}
