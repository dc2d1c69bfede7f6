"""WSGI entry point for gunicorn or the development server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safeguard.web.config.settings")
application = get_wsgi_application()
