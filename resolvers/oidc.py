"""Access tokens of the organisation's OpenID Connect provider, checked as a resource server must.

- The provider's configuration comes from discovery (`TALENTGRAPH_OIDC_ISSUER` +
  `/.well-known/openid-configuration`, or `TALENTGRAPH_OIDC_DISCOVERY_URL`), read once; its
  `issuer` must be the configured one.
- Signing keys come from its `jwks_uri` through PyJWT's `PyJWKClient`, kept in memory. A token
  naming a key id the set does not hold makes the set be fetched again (the provider rotated its
  keys), at most once per `min_refresh_s`, so forged key ids cannot make us hammer the provider.
- The algorithm is the key's own (RS256, ES256, EdDSA, ...): never `none`, never an HMAC, whatever
  the token's header claims, so a token "signed" with the public key as an HMAC secret fails.
- Signature, issuer, audience, expiry, not-before and issued-at are checked, with a small leeway
  for clocks; the person is named by the email claim, their roles by the roles claim.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
from jwt import PyJWK, PyJWKClient

from graph.errors import TalentGraphError

ASYMMETRIC_KEY_TYPES = frozenset({"RSA", "EC", "OKP"})


class TokenRefused(TalentGraphError):
    """The token is not a valid access token of the configured provider for this API."""


class ProviderUnavailable(TalentGraphError):
    """The identity provider's configuration or keys cannot be fetched."""


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    discovery_url: str
    audience: str
    email_claim: str = "email"
    roles_claim: str = "groups"
    role_names: Mapping[str, str] | None = None
    leeway_s: float = 30.0
    min_refresh_s: float = 30.0


@dataclass(frozen=True)
class VerifiedToken:
    """What a valid token says: whose it is and which roles the provider grants them."""

    subject: str
    email: str
    roles: frozenset[str]
    expires_at: datetime  # a websocket session opened with the token ends then


def claim_at(claims: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path (`realm_access.roles`), None where the path ends early."""
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def roles_from(claims: Mapping[str, Any], config: OidcConfig) -> frozenset[str]:
    """The talentgraph roles a token's roles claim maps to (names not in the map grant none)."""
    raw = claim_at(claims, config.roles_claim)
    if raw is None:
        return frozenset()
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise TokenRefused(f"invalid token: {config.roles_claim} must be a list of strings")
    names = config.role_names or {}
    # Keycloak's full group paths start with a slash: `/hr` is the group `hr`.
    return frozenset(names[v.lstrip("/")] for v in values if v.lstrip("/") in names)


class OidcVerifier:
    """Checks access tokens of one provider; one per process, shared by every request."""

    def __init__(self, config: OidcConfig) -> None:
        self.config = config
        self._jwks: PyJWKClient | None = None
        self._last_refresh = float("-inf")
        self._lock = asyncio.Lock()

    async def _keys_client(self) -> PyJWKClient:
        if self._jwks is not None:
            return self._jwks
        async with self._lock:
            if self._jwks is None:
                document = await self._discover()
                self._jwks = PyJWKClient(
                    document["jwks_uri"], cache_jwk_set=True, lifespan=3600, timeout=10
                )
        return self._jwks

    async def _discover(self) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=10.0) as client:
                response = await client.get(self.config.discovery_url)
                response.raise_for_status()
                document: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise ProviderUnavailable(
                f"the identity provider's configuration at {self.config.discovery_url} cannot be "
                f"read: {error}"
            ) from error
        if document.get("issuer") != self.config.issuer or "jwks_uri" not in document:
            raise ProviderUnavailable(
                f"the identity provider at {self.config.discovery_url} is not the issuer "
                f"{self.config.issuer} (it says {document.get('issuer')!r})"
            )
        return document

    async def _signing_key(self, kid: str) -> PyJWK:
        client = await self._keys_client()
        key = await asyncio.to_thread(self._cached_key, client, kid, False)
        if key is None and time.monotonic() - self._last_refresh >= self.config.min_refresh_s:
            self._last_refresh = time.monotonic()
            key = await asyncio.to_thread(self._cached_key, client, kid, True)
        if key is None:
            raise TokenRefused(f"invalid token: the provider has no signing key {kid!r}")
        return key

    @staticmethod
    def _cached_key(client: PyJWKClient, kid: str, refresh: bool) -> PyJWK | None:
        try:
            keys = client.get_jwk_set(refresh=refresh).keys
        except jwt.PyJWKClientError as error:
            raise ProviderUnavailable(
                f"the provider's signing keys cannot be read: {error}"
            ) from error
        for key in keys:
            usable = key.public_key_use in (None, "sig") and key.key_type in ASYMMETRIC_KEY_TYPES
            if key.key_id == kid and usable:
                return key
        return None

    async def verify(self, token: str) -> VerifiedToken:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise TokenRefused(f"invalid token: {error}") from error
        try:
            issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError as error:
            raise TokenRefused(f"invalid token: {error}") from error
        if issuer != self.config.issuer:
            # before any key lookup: another issuer's key ids must not make us refetch ours
            raise TokenRefused(
                f"invalid token: issued by {issuer!r}, not by {self.config.issuer!r}"
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRefused("invalid token: it names no signing key (kid)")
        key = await self._signing_key(kid)
        if header.get("alg") != key.algorithm_name:
            raise TokenRefused(
                f"invalid token: signed with {header.get('alg')!r}, "
                f"but key {kid!r} signs with {key.algorithm_name}"
            )
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=[key.algorithm_name],
                audience=self.config.audience,
                issuer=self.config.issuer,
                leeway=self.config.leeway_s,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            raise TokenRefused(f"invalid token: {error}") from error
        email = claim_at(claims, self.config.email_claim)
        if not isinstance(email, str) or "@" not in email:
            raise TokenRefused(f"invalid token: it carries no {self.config.email_claim} claim")
        expires_at = datetime.fromtimestamp(float(claims["exp"]), UTC)
        return VerifiedToken(str(claims["sub"]), email, roles_from(claims, self.config), expires_at)
