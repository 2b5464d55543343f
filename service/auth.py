"""The bearer token of an HTTP request or a websocket's connection_init: `Authorization: Bearer
<token>`, checked by `resolvers.identity`."""

from __future__ import annotations

from graph.database import Database
from graph.settings import ServiceSettings
from resolvers.identity import AuthenticationFailed, Viewer, viewer_for_token
from resolvers.oidc import OidcConfig, OidcVerifier


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise AuthenticationFailed("missing bearer token")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationFailed("the Authorization header must be 'Bearer <token>'")
    return token.strip()


async def viewer_from_header(
    authorization: str | None, db: Database, settings: ServiceSettings, oidc: OidcVerifier | None
) -> Viewer:
    return await viewer_for_token(bearer_token(authorization), db, settings, oidc)


def oidc_verifier(settings: ServiceSettings) -> OidcVerifier | None:
    """The verifier of the configured provider's tokens, or None without one."""
    if not settings.oidc_issuer or not settings.oidc_discovery:
        return None
    return OidcVerifier(
        OidcConfig(
            issuer=settings.oidc_issuer,
            discovery_url=settings.oidc_discovery,
            audience=settings.oidc_audience,
            email_claim=settings.oidc_email_claim,
            roles_claim=settings.oidc_roles_claim,
            role_names=settings.oidc_role_names,
            leeway_s=settings.oidc_leeway_s,
        )
    )
