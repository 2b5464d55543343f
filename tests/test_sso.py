"""Single sign-on: the API takes the access tokens of a real OpenID Connect provider (the project's
Keycloak, `talentgraph idp start`, with the talentgraph realm of `graph/keycloak/`), finds the
person by the token's email and their roles by its groups, and refuses every token that is not
the provider's, for this API, current and of an active person, changing nothing."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import jwt
import pytest
from asgi_lifespan import LifespanManager
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from graph.database import ConnectionInfo, Database
from graph.local_keycloak import ADMIN, LocalKeycloak
from graph.settings import ServiceSettings
from resolvers.identity import issue_token
from seed.loader import load_org
from service.app import create_app
from tests.support.api import TEST_SECRET
from tests.support.factories import OrgFactory

PASSWORD = "talentgraph-demo"  # the realm's demo users' password (graph/keycloak/)
WHO_AM_I = "{ viewer { roles person { id } } }"
RETITLE = """mutation Retitle($title: String!) {
  updateProfile(input: {title: $title}) { result { __typename } }
}"""


def people() -> OrgFactory:
    """The realm's demo users as people of the graph (one of them with the email in another
    case than the provider's), and one who left."""
    return (
        OrgFactory()
        .department("D1", "People")
        .person("HR1", "D1", email="hr@talentgraph.example", title="HR partner")
        .person("E1", "D1", email="Employee@TalentGraph.example", title="Analyst")
        .person("F1", "D1", email="former@talentgraph.example", title="Engineer")
    )


@pytest.fixture
async def graph(db: Database) -> Database:
    org = people()
    await org.load(db)
    org.org.people = [person for person in org.org.people if person.id != "F1"]
    await load_org(db, org.org, full_people_export=True)  # F1 left the organisation: inactive
    return db


def sso_settings(keycloak: LocalKeycloak, **overrides: Any) -> ServiceSettings:
    fields: dict[str, Any] = {
        "mode": "production",
        "secret": TEST_SECRET,
        "oidc_issuer": keycloak.issuer,
        "oidc_leeway_s": 1.0,
    }
    return ServiceSettings(**(fields | overrides))


@pytest.fixture
async def sso(
    graph: Database, neo4j_connection: ConnectionInfo, keycloak: LocalKeycloak
) -> AsyncIterator[httpx.AsyncClient]:
    """The API in production mode, signing people in with the provider."""
    app = create_app(sso_settings(keycloak), neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            yield http


async def ask(
    client: httpx.AsyncClient, token: str, query: str = WHO_AM_I, **variables: object
) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )


def sign_in(keycloak: LocalKeycloak, email: str, client_id: str = "talentgraph-cli") -> str:
    return keycloak.password_token(email, PASSWORD, client_id)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims_and_header(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return jwt.decode(token, options={"verify_signature": False}), jwt.get_unverified_header(token)


async def test_a_provider_token_signs_the_person_in_by_email(
    sso: httpx.AsyncClient, keycloak: LocalKeycloak
) -> None:
    response = await ask(sso, sign_in(keycloak, "employee@talentgraph.example"))
    assert response.status_code == 200, response.text
    viewer = response.json()["data"]["viewer"]
    assert viewer == {"roles": ["employee"], "person": {"id": "E1"}}  # email in any case


async def test_the_providers_groups_grant_roles(
    sso: httpx.AsyncClient, keycloak: LocalKeycloak
) -> None:
    response = await ask(sso, sign_in(keycloak, "hr@talentgraph.example"))
    assert response.status_code == 200, response.text
    assert sorted(response.json()["data"]["viewer"]["roles"]) == ["employee", "hr"]


async def refused_and_unchanged(
    client: httpx.AsyncClient, db: Database, token: str, status: int, message: str
) -> None:
    """The token's mutation is refused with `status` and a message matching `message`, and the
    profile it tried to change is as it was."""
    response = await ask(client, token, RETITLE, title="Intruder")
    assert response.status_code == status, response.text
    assert re.search(message, response.json()["errors"][0]["message"]), response.text
    assert "data" not in response.json()
    rows = await db.read("people/people_by_ids", ids=["HR1", "E1", "F1"])
    assert {row["value"]["title"] for row in rows} == {"HR partner", "Analyst", "Engineer"}


async def test_an_expired_token_is_refused(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    token = sign_in(keycloak, "employee@talentgraph.example", "talentgraph-cli-short-lived")
    expires = claims_and_header(token)[0]["exp"]
    await asyncio.sleep(
        max(0.0, expires + 1.0 + 0.5 - time.time())
    )  # past the lifetime and the leeway
    await refused_and_unchanged(sso, graph, token, 401, "expired")


async def test_a_token_for_another_audience_is_refused(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    token = sign_in(keycloak, "employee@talentgraph.example", "another-app")
    assert claims_and_header(token)[0]["aud"] == "payroll"
    await refused_and_unchanged(sso, graph, token, 401, "(?i)audience")


async def test_a_token_of_another_issuer_is_refused(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    # the same provider's master realm: valid, signed, but not talentgraph's issuer
    token = keycloak.password_token(ADMIN, keycloak.admin_password(), "admin-cli", "master")
    await refused_and_unchanged(sso, graph, token, 401, "issued by .*master")


async def test_a_token_signed_by_an_unknown_key_is_refused(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    claims, _ = claims_and_header(sign_in(keycloak, "employee@talentgraph.example"))
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(claims, stranger, algorithm="RS256", headers={"kid": "rotated-away"})
    await refused_and_unchanged(sso, graph, forged, 401, "no signing key 'rotated-away'")


async def test_an_unsigned_token_is_refused(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    claims, header = claims_and_header(sign_in(keycloak, "employee@talentgraph.example"))
    unsigned = jwt.encode(claims, "", algorithm="none", headers={"kid": header["kid"]})
    await refused_and_unchanged(sso, graph, unsigned, 401, "invalid token")


@pytest.mark.parametrize("mode", ["production", "development"])
async def test_an_hmac_signed_with_the_public_key_is_refused(
    graph: Database, neo4j_connection: ConnectionInfo, keycloak: LocalKeycloak, mode: str
) -> None:
    token = sign_in(keycloak, "employee@talentgraph.example")
    claims, header = claims_and_header(token)
    async with httpx.AsyncClient() as http:
        jwks = (await http.get(f"{keycloak.issuer}/protocol/openid-connect/certs")).json()
    public = jwt.PyJWK(next(key for key in jwks["keys"] if key["kid"] == header["kid"]))
    pem = public.key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_input = (
        b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": header["kid"]}).encode())
        + "."
        + b64(json.dumps(claims).encode())
    )
    signature = hmac.new(pem, signing_input.encode(), hashlib.sha256).digest()
    forged = signing_input + "." + b64(signature)
    app = create_app(sso_settings(keycloak, mode=mode), neo4j_connection)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://talentgraph") as http:
            await refused_and_unchanged(http, graph, forged, 401, "invalid token")


async def test_a_person_who_left_is_forbidden(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    token = sign_in(keycloak, "former@talentgraph.example")
    await refused_and_unchanged(sso, graph, token, 403, "no longer an active person")


async def test_someone_the_hris_does_not_know_is_forbidden(
    sso: httpx.AsyncClient, graph: Database, keycloak: LocalKeycloak
) -> None:
    token = sign_in(keycloak, "admin@talentgraph.example")  # in the realm, not in the graph
    await refused_and_unchanged(sso, graph, token, 403, "not a person in talentgraph")


async def test_production_with_a_provider_refuses_hs256_tokens(
    sso: httpx.AsyncClient, graph: Database
) -> None:
    token = issue_token("E1", ["admin"], TEST_SECRET, timedelta(minutes=5))
    await refused_and_unchanged(sso, graph, token, 401, "HS256 tokens are not accepted")


async def test_the_web_app_signs_in_with_authorization_code_and_pkce(
    sso: httpx.AsyncClient, keycloak: LocalKeycloak
) -> None:
    """What the web app does in a browser, step by step: the API's /auth/config names the
    provider and client; the provider's login form takes the person's password and redirects
    back with a code; the code and the PKCE verifier buy a token the API accepts."""
    config = (await sso.get("/auth/config")).json()
    assert config["oidc"]["issuer"] == keycloak.issuer
    redirect_uri = "http://127.0.0.1:8000/"
    async with httpx.AsyncClient(follow_redirects=False, timeout=30.0) as browser:
        discovery = (
            await browser.get(f"{keycloak.issuer}/.well-known/openid-configuration")
        ).json()
        assert "S256" in discovery["code_challenge_methods_supported"]
        verifier = secrets.token_urlsafe(48)
        challenge = b64(hashlib.sha256(verifier.encode()).digest())
        login = await browser.get(
            discovery["authorization_endpoint"],
            params={
                "client_id": config["oidc"]["clientId"],
                "response_type": "code",
                "scope": config["oidc"]["scope"],
                "redirect_uri": redirect_uri,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
                "state": "s-1",
            },
        )
        assert login.status_code == 200, login.text[:500]
        action = re.search(r'action="([^"]+)"', login.text)
        assert action, login.text[:500]
        # A browser sends the provider's Secure cookies to http://127.0.0.1 (a trustworthy
        # origin); httpx does not, so they go along by hand.
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies.jar)
        back = await browser.post(
            action.group(1).replace("&amp;", "&"),
            data={"username": "hr@talentgraph.example", "password": PASSWORD},
            headers={"Cookie": cookies},
        )
        assert back.status_code == 302, back.text[:500]
        query = parse_qs(urlparse(back.headers["location"]).query)
        assert query["state"] == ["s-1"]
        exchanged = await browser.post(
            discovery["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "client_id": config["oidc"]["clientId"],
                "code": query["code"][0],
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
        )
    assert exchanged.status_code == 200, exchanged.text
    response = await ask(sso, exchanged.json()["access_token"])
    assert response.status_code == 200, response.text
    assert response.json()["data"]["viewer"]["person"] == {"id": "HR1"}
