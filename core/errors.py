"""Error pages and the health check. When the database cannot be reached, readers get a calm 503 page that asks
them to come back shortly, not a 500; the next request tries the database again (and
PostgreSQL connections are health-checked), so the site recovers by itself."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def database_unreachable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


@requires_csrf_token
def server_error(request) -> HttpResponse:
    # Rendered without the request's context processors: they may query the database.
    if database_unreachable(sys.exc_info()[1]):
        logger.error("Database unreachable; answered 503 for %s", request.path)
        response = HttpResponse(render_to_string("errors/unavailable.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(render_to_string("errors/server_error.html"))


def healthz(request) -> HttpResponse:
    """For load balancers and uptime checks: the process answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")
