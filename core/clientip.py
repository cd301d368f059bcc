"""The client's address, read one way for every limit: the API and path rate limits and
django-axes's sign-in lockout all call client_ip().

X-Forwarded-For is anyone's to write. It is read only when the request comes straight from
an address in settings.TRUSTED_PROXIES (addresses or networks; none by default), and then
from the right: each trusted proxy appends the address it saw, so the first address from
the right that is not a trusted proxy is the client. Whatever a client writes to the left
of that is ignored, so a made-up header never gives a fresh address.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(text: str) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The address the limits count for `request`."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not is_trusted_proxy(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for text in reversed(forwarded):
        if is_trusted_proxy(text):
            continue
        # Garbage where the client's address should be: count it under the proxy's.
        return str(_address(text)) if _address(text) else remote
    return remote
