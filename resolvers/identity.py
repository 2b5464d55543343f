"""Who is asking: the `Viewer` every rule in `resolvers.permissions` judges, and the bearer tokens
that name one. Reading the token off an HTTP request is `service.auth`'s part.

Two kinds of token:
- the organisation's OpenID Connect provider's access tokens (`resolvers.oidc`): the person is the
  one whose email the token carries, their extra roles come from the provider's groups;
- HS256 JWTs signed with `TALENTGRAPH_SECRET` (`talentgraph token`), whose `sub` is a person id and
  whose `roles` grant more than an employee has (`hr`, `admin`): development, or an explicit
  opt-in (`ServiceSettings.hs256_enabled`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import jwt

from graph.database import Database
from graph.errors import Forbidden, TalentGraphError
from graph.settings import ServiceSettings
from resolvers.oidc import OidcVerifier, TokenRefused

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


async def viewer_for_token(
    token: str, db: Database, settings: ServiceSettings, oidc: OidcVerifier | None
) -> Viewer:
    """The viewer a bearer token names: `AuthenticationFailed` (401) for a token that is not
    valid, `Forbidden` (403) for a valid token of someone who is no active person (the HRIS
    import marked them inactive, or the id names no one): they read and change nothing."""
    try:
        algorithm = jwt.get_unverified_header(token).get("alg")
    except jwt.PyJWTError as error:
        raise AuthenticationFailed(f"invalid token: {error}") from error
    if algorithm == "HS256":
        if not settings.hs256_enabled:
            raise AuthenticationFailed(
                "invalid token: HS256 tokens are not accepted; sign in with the identity provider"
            )
        viewer = viewer_from_token(
            token, settings.secret.get_secret_value(), settings.token_max_ttl
        )
        rows = await db.read("people/viewer_standing", id=viewer.person_id)
        if not rows or not rows[0]["active"]:
            raise Forbidden(f"{viewer.person_id!r} is not an active person of the organisation")
        return viewer
    if oidc is None:
        raise AuthenticationFailed(
            f"invalid token: {algorithm!r} tokens need an identity provider, and none is "
            "configured (TALENTGRAPH_OIDC_ISSUER)"
        )
    try:
        verified = await oidc.verify(token)
    except TokenRefused as error:
        raise AuthenticationFailed(error.message) from error
    rows = await db.read("people/person_by_email", email=verified.email)
    if not rows:
        raise Forbidden(
            f"{verified.email} signed in, but is not a person in talentgraph: "
            "the HRIS import has no one with that email"
        )
    if rows[0]["active"] is False:
        raise Forbidden(f"{verified.email} is no longer an active person in talentgraph")
    return Viewer(
        rows[0]["id"], frozenset({"employee", *verified.roles}) & ROLES, verified.expires_at
    )
