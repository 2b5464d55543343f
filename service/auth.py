"""The bearer token of an HTTP request or a websocket's connection_init: `Authorization: Bearer
<token>`, checked by `resolvers.identity`."""

from __future__ import annotations

from datetime import timedelta

from resolvers.identity import AuthenticationFailed, Viewer, viewer_from_token


def viewer_from_header(authorization: str | None, secret: str, longest: timedelta) -> Viewer:
    if not authorization:
        raise AuthenticationFailed("missing bearer token")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationFailed("the Authorization header must be 'Bearer <token>'")
    return viewer_from_token(token.strip(), secret, longest)
