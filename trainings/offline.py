"""The phone form without a connection: the data it keeps, the JSON it sends, the app's files.

- `session`: the signed-in account's code, the key that wraps her data on the phone and the
  CSRF token; small, never compressed (BREACH: a secret stays out of any compressed answer).
- `data`: what the form needs offline (communes, clubs, people… trainings/phone_sync.py), whole
  or since a token, gzip-compressed, holding no secret and echoing nothing of the request;
  fetched while online and kept in the phone's IndexedDB, never in Cache Storage.
- `people`: the server's search for someone the phone does not keep (uncompressed: it
  answers what was typed).
- `submit_json`: one queued recording; idempotent by the phone's UUID (trainings/submission.py).
- `service_worker`, `manifest`, `offline_page`: the installable app, scoped to /record/.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import get_template, render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_POST

from trainings import conf
from trainings.phone_keys import account_code, wrapping_key
from trainings.phone_sessions import keep_signed_in
from trainings.phone_sync import people_matching, phone_data
from trainings.submission import Unreadable, form_data_from_json, parse_uuid, submit

# The form's own static files; the page template's (conf.page_static()) are kept with them.
FORM_STATIC = (
    "trainings/record.css",
    "trainings/queue.js",
    "trainings/dates.js",
    "trainings/record.js",
    "trainings/icon-192.png",
    "trainings/icon-512.png",
)
FORM_TEMPLATES = ("trainings/record.html", "trainings/offline.html", "trainings/sw.js")


def precached_static() -> tuple[str, ...]:
    return conf.page_static() + FORM_STATIC


def shell_templates() -> tuple[str, ...]:
    return (conf.page_template(), *FORM_TEMPLATES)


def _json(code: int, **body) -> JsonResponse:
    response = JsonResponse(body, status=code, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store, private"
    return response


def _refusal(request):
    """401 or 403 as JSON: the phone's queue must tell an expired session from a refusal."""
    if not request.user.is_authenticated:
        response = _json(401, status="signed out", reason=_("Your session has ended: sign in again to send."))
        response["Clear-Site-Data"] = '"cache"'  # the page deletes the names it keeps (queue.js)
        return response
    if not request.user.has_perm("campaigns.add_activity"):
        return _json(403, status="refused", reason=_("You may not record activities."))
    keep_signed_in(request)  # each use of the phone starts her period again
    return None


@never_cache
@require_GET
def session(request):
    """Her account's code, the key that opens her data on the phone, and the CSRF token."""
    refused = _refusal(request)
    if refused:
        return refused
    user = request.user
    return _json(
        200, user=user.get_username(), owner=account_code(user), key=wrapping_key(user), csrf=get_token(request)
    )


@gzip_page
@never_cache
@require_GET
def data(request):
    """The form's choices for this user, as JSON (trainings/phone_sync.py): whole, or what
    changed since the token of `?since=`."""
    refused = _refusal(request)
    if refused:
        return refused
    return _json(200, **phone_data(request.user, request.GET.get("since")))


SEARCH_MIN_LETTERS = 2


@never_cache
@require_GET
def people(request):
    """People of the user's provinces whose name holds `?q=` (optionally of `?commune=`)."""
    refused = _refusal(request)
    if refused:
        return refused
    text = request.GET.get("q", "").strip()[:120]
    commune = request.GET.get("commune", "")
    if len(text) < SEARCH_MIN_LETTERS:
        return _json(200, people=[])
    commune_id = int(commune) if commune.isdigit() and len(commune) < 10 else None
    return _json(200, people=people_matching(request.user, text, commune=commune_id))


@never_cache
@require_POST
def submit_json(request):
    """One recording from the phone's queue. Answers 201 stored, 200 already stored, 409 a
    different record under that UUID, 400 refused with the reasons, 401 signed out."""
    refused = _refusal(request)
    if refused:
        return refused
    if len(request.body) > conf.max_record_bytes():
        return _json(400, status="refused", reason=_("This record is too large to send."))
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except RecursionError:
        # Nested deeper than any record the phone makes: a 400, so the queue stops retrying.
        return _json(400, status="refused", reason=_("The record is not readable: it is nested too deeply."))
    except (UnicodeDecodeError, ValueError):
        payload = None
    if not isinstance(payload, dict) or parse_uuid(payload.get("client_uuid")) is None:
        return _json(400, status="refused", reason=_("The record is not readable: it has no valid code."))
    try:
        data = form_data_from_json(payload)
    except Unreadable as unreadable:
        return _json(400, status="refused", reason=str(unreadable), errors=unreadable.errors)
    outcome = submit(data, user=request.user)
    if outcome.conflict:
        reason = _("A different record was already sent with this code.")
        return _json(409, status="conflict", reason=reason)
    if outcome.activity is not None:
        url = reverse("trainings:recorded", args=[outcome.activity.pk])
        if outcome.already:
            return _json(200, status="already stored", id=outcome.activity.pk, url=url)
        return _json(201, status="stored", id=outcome.activity.pk, url=url)
    errors = _errors(outcome.form, outcome.attendees)
    return _json(400, status="refused", reason=" ".join(errors.values()), errors=errors)


def _errors(form, attendees) -> dict[str, str]:
    """Each field's messages with its label, in the reader's language."""
    errors: dict[str, str] = {}
    for name, messages in form.errors.items():
        label = str(form.fields[name].label).capitalize() if name in form.fields else ""
        text = " ".join(str(message) for message in messages)
        errors[name] = f"{label}: {text}" if label else text
    for index, row_errors in enumerate(attendees.errors if attendees.is_bound else []):
        for name, messages in row_errors.items():
            label = _("Attendee %(number)d") % {"number": index + 1}
            errors[f"new-{index}-{name}"] = f"{label}: " + " ".join(str(message) for message in messages)
    for message in attendees.non_form_errors() if attendees.is_bound else []:
        errors.setdefault("new", str(message))
    return errors


def offline_page(request):
    """What the service worker shows for any page it cannot reach offline."""
    return render(request, "trainings/offline.html", {"page_template": conf.page_template()})


def manifest(request):
    """The web app manifest: the phone form can be added to the home screen."""
    body = {
        "name": _("Record an activity") + " · " + _("Preventing human trafficking"),
        "short_name": _("Record"),
        "description": _("Record activities and sign-in lists, with or without a connection."),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("trainings:record"),
        "scope": reverse("trainings:record"),
        "id": reverse("trainings:record"),
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#9c1c4b",
        "icons": [
            {"src": static("trainings/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": static("trainings/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": static("trainings/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }
    return JsonResponse(body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


def precache_urls() -> list[str]:
    return [
        reverse("trainings:shell"),
        reverse("trainings:offline"),
        reverse("trainings:manifest"),
        *(static(name) for name in precached_static()),
    ]


@lru_cache(maxsize=1)
def cache_version() -> str:
    """Changes whenever a precached file or the shell's templates change, so that phones
    fetch the new files and the old cache is deleted."""
    digest = hashlib.sha256()
    for name in precached_static():
        found = finders.find(name)
        digest.update(Path(found).read_bytes() if found else name.encode())
    for name in shell_templates():
        digest.update(Path(get_template(name).origin.name).read_bytes())
    digest.update(json.dumps(precache_urls()).encode())
    return digest.hexdigest()[:12]


def service_worker(request):
    body = render_to_string(
        "trainings/sw.js",
        {
            "version": cache_version(),
            "precache": json.dumps(precache_urls()),
            "shell": reverse("trainings:shell"),
            "offline": reverse("trainings:offline"),
            "record": reverse("trainings:record"),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = reverse("trainings:record")
    return response
