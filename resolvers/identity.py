"""Who is asking: the `Viewer` every rule in `resolvers.permissions` judges, and the bearer tokens
that name one (HS256 JWTs whose `sub` is a person id and whose `roles` grant more than an employee
has: `hr`, `admin`). Reading the token off an HTTP request is `service.auth`'s part."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import jwt

from graph.errors import TalentGraphError

ROLES = frozenset({"employee", "hr", "admin"})


class AuthenticationFailed(TalentGraphError):
    """The request carries no token, or one that is expired, forged or malformed."""


@dataclass(frozen=True)
class Viewer:
    person_id: str
    roles: frozenset[str] = field(default_factory=lambda: frozenset({"employee"}))
    expires_at: datetime | None = field(default=None, compare=False)
    """When the token that named this viewer expires (a websocket session ends then)."""

    @property
    def is_hr(self) -> bool:
        return "hr" in self.roles or self.is_admin

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


def issue_token(person_id: str, roles: list[str], secret: str, ttl: timedelta) -> str:
    unknown = set(roles) - ROLES
    if unknown:
        raise AuthenticationFailed(f"unknown roles: {', '.join(sorted(unknown))}")
    now = datetime.now(UTC)
    claims = {"sub": person_id, "roles": sorted({"employee", *roles}), "iat": now, "exp": now + ttl}
    return jwt.encode(claims, secret, algorithm="HS256")


def viewer_from_token(token: str, secret: str, longest: timedelta) -> Viewer:
    """The viewer a token names. It must say when it was issued and expire at most `longest`
    after that: a token valid for a hundred years is as good as a password that never changes."""
    try:
        claims = jwt.decode(
            token, secret, algorithms=["HS256"], options={"require": ["sub", "exp", "iat"]}
        )
    except jwt.PyJWTError as error:
        raise AuthenticationFailed(f"invalid token: {error}") from error
    lifetime = timedelta(seconds=float(claims["exp"]) - float(claims["iat"]))
    if lifetime > longest:
        hours = longest.total_seconds() / 3600
        raise AuthenticationFailed(f"invalid token: it lives longer than {hours:g} hours")
    roles = claims.get("roles", [])
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise AuthenticationFailed("invalid token: roles must be a list of strings")
    return Viewer(
        str(claims["sub"]),
        frozenset({"employee", *roles}) & ROLES,
        datetime.fromtimestamp(float(claims["exp"]), UTC),
    )
