"""Links in messages: screens of the web app, and signed unsubscribe links that work without
signing in.

An unsubscribe link names a person, a kind of notification and a channel, and carries an
HMAC-SHA256 of the three under a key derived from the service's secret. It does not expire (a
mail read months later must still work) and it can do one thing only: turn that kind off on that
channel for that person, so a leaked link costs at most that.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import urlencode

UNSUBSCRIBE_PATH = "/notifications/unsubscribe"
SETTINGS_SCREEN = "/profile"  # where the web app keeps a person's settings


def _key(secret: str) -> bytes:
    return hmac.new(secret.encode(), b"talentgraph unsubscribe links", hashlib.sha256).digest()


def unsubscribe_signature(secret: str, person_id: str, kind: str, channel: str) -> str:
    payload = "\x00".join((person_id, kind, channel)).encode()
    digest = hmac.new(_key(secret), payload, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def signature_valid(secret: str, person_id: str, kind: str, channel: str, signature: str) -> bool:
    expected = unsubscribe_signature(secret, person_id, kind, channel)
    return hmac.compare_digest(expected.encode(), signature.encode())


def unsubscribe_url(public_url: str, secret: str, person_id: str, kind: str, channel: str) -> str:
    query = urlencode(
        {
            "person": person_id,
            "kind": kind,
            "channel": channel,
            "sig": unsubscribe_signature(secret, person_id, kind, channel),
        }
    )
    return f"{public_url.rstrip('/')}{UNSUBSCRIBE_PATH}?{query}"


def screen_url(web_url: str, path: str) -> str:
    return f"{web_url.rstrip('/')}/{path.strip().lstrip('/')}"
