"""Signing out tells the browser to forget what it keeps of the site (`Clear-Site-Data`).

"cache" and "cookies", not "storage": storage would delete the phone's unsent records with
the names. Those are encrypted (queue.js) and the form's script deletes the names it keeps
before the sign-out is sent; the records wait, unreadable, for their own trainer.
"""

from django.urls import reverse

CLEARED = '"cache", "cookies"'


class ClearSiteDataOnSignOut:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "POST" and request.path == reverse("wagtailadmin_logout"):
            response["Clear-Site-Data"] = CLEARED
        return response
