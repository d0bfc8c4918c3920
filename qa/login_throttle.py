"""Whose login attempt it is, for django-axes' throttling (settings, "Login throttling").

Behind PROXY_COUNT proxies the client's address is the one the outermost proxy saw:
each proxy appends the address it received the request from to X-Forwarded-For, so
it is that many entries from the right. Entries further left were written by the
client and cannot be trusted. With no proxy (PROXY_COUNT=0) it is REMOTE_ADDR.
"""

from django.conf import settings


def client_ip(request):
    proxies = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
