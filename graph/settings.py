"""Every setting of talentgraph, read from the environment in this one place."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Neo4jSettings(BaseSettings):
    """How to reach Neo4j. With `NEO4J_URI` unset, the project's local server is used."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str | None = None
    user: str = "neo4j"
    password: str | None = None
    database: str = "neo4j"


class LocalServerSettings(BaseSettings):
    """The project's own Neo4j Community server, assembled from Maven Central jars."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_NEO4J_", extra="ignore")

    version: str = "5.26.30"
    browser_version: str = "5.24.0"
    home: Path = PROJECT_ROOT / ".talentgraph" / "neo4j"
    jar_cache: Path = Path.home() / ".cache" / "talentgraph"
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "2g"
    pagecache: str = "2g"
    start_timeout_s: float = 120.0


class TestServerSettings(BaseSettings):
    """The tests' local server: its own folder and ports, so tests never wipe the demo data."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_TEST_NEO4J_", extra="ignore")

    home: Path = PROJECT_ROOT / ".talentgraph" / "neo4j-test"
    bolt_port: int = 7688
    http_port: int = 7475
    heap: str = "1g"
    pagecache: str = "512m"


class BenchServerSettings(BaseSettings):
    """The benchmarks' local server: big enough for a 100,000-person organisation."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_BENCH_NEO4J_", extra="ignore")

    home: Path = PROJECT_ROOT / ".talentgraph" / "neo4j-bench"
    bolt_port: int = 7689
    http_port: int = 7476
    heap: str = "4g"
    pagecache: str = "4g"


class KeycloakSettings(BaseSettings):
    """The project's own OpenID Connect provider: a Keycloak server from Maven Central, run in
    development mode with the talentgraph realm (`graph/keycloak/`) imported at every start."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_KEYCLOAK_", extra="ignore")

    version: str = "26.7.3"
    home: Path = PROJECT_ROOT / ".talentgraph" / "keycloak"
    cache: Path = Path.home() / ".cache" / "talentgraph"
    port: int = 8180
    java_home: Path | None = None  # a Java 21+; found under /usr/lib/jvm when unset
    heap: str = "512m"
    start_timeout_s: float = 600.0
    url: str | None = (
        None  # a Keycloak that runs elsewhere (compose): `talentgraph demo` enrols there
    )
    admin_password: SecretStr | None = None  # its admin's password (the local one keeps its own)


class TestKeycloakSettings(BaseSettings):
    """The tests' Keycloak: its own folder and port."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_TEST_KEYCLOAK_", extra="ignore")

    home: Path = PROJECT_ROOT / ".talentgraph" / "keycloak-test"
    port: int = 8181


DEVELOPMENT_SECRET = "dev-secret-change-me-please-32-bytes-long"
# Secrets that were ever published with the project (source, compose file, tests): anyone can sign
# tokens with them, so production refuses each of them.
PUBLISHED_SECRETS = frozenset(
    {
        DEVELOPMENT_SECRET,
        "change-me-in-production-32-bytes!!",
        "test-secret-that-is-long-enough-for-hs256",
    }
)
MIN_SECRET_BYTES = 32
MIN_SECRET_DISTINCT_CHARACTERS = 16


def secret_weakness(secret: str) -> str | None:
    """Why `secret` may not sign production tokens, or None. A secret of 32 random bytes, written
    as hex or base64 (`openssl rand -base64 32`), is long enough and has far more than 16 distinct
    characters; a repeated or counted pattern has not."""
    if secret in PUBLISHED_SECRETS:
        return "it is a published default"
    if len(secret.encode()) < MIN_SECRET_BYTES:
        return f"it is shorter than {MIN_SECRET_BYTES} bytes"
    if len(set(secret)) < MIN_SECRET_DISTINCT_CHARACTERS:
        return f"it has fewer than {MIN_SECRET_DISTINCT_CHARACTERS} distinct characters"
    return None


class PolicySettings(BaseSettings):
    """The governance of the gig lifecycle: when a manager must sign, and what a silence means."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_POLICY_", extra="ignore")

    no_approval_gig_types: list[str] = Field(default_factory=lambda: ["micro_task"])
    no_approval_max_hours: float = 8.0
    approval_timeout_days: int = 5
    on_timeout: Literal["escalate", "auto_approve"] = "escalate"
    stale_skill_months: int = 12
    allow_future_now: bool = False
    """Lets `processOverdueApprovals(now:)` and `approvals process-overdue --now` judge as of a
    moment in the future: for tests and drills only. Without it a future `now` is refused, so
    nobody skips a manager's signature by jumping the clock."""
    notification_poll_s: float = 2.0


class ServiceSettings(BaseSettings):
    """The GraphQL service. People sign in with the organisation's OpenID Connect provider
    (`oidc_*`); HS256 tokens signed with `secret` are a development convenience, in production
    only when no provider is configured or when `hs256_tokens` opts in (service-to-service), and
    then never with a secret anyone could know."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_", extra="ignore")

    secret: SecretStr = Field(default=SecretStr(DEVELOPMENT_SECRET))
    mode: Literal["development", "production"] = "development"
    hs256_tokens: bool | None = None  # by mode and provider: see `hs256_enabled`
    oidc_issuer: str | None = None  # e.g. https://sso.example.com/realms/talentgraph
    oidc_discovery_url: str | None = None  # when the service reaches the provider by another name
    oidc_audience: str = "talentgraph-api"
    oidc_email_claim: str = "email"
    oidc_roles_claim: str = "groups"  # a dotted path into the claims: `realm_access.roles`
    oidc_role_names: dict[str, str] = Field(default_factory=lambda: {"hr": "hr", "admin": "admin"})
    oidc_leeway_s: float = 30.0  # clock skew allowed on exp, nbf and iat
    oidc_web_client_id: str = "talentgraph-web"  # the web app's public client (code + PKCE)
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: list[str] = Field(default_factory=list)
    graphiql: bool | None = None
    introspection: bool | None = None
    max_page_size: int = 100
    max_query_depth: int = 10
    max_aliases: int = 30
    max_tokens: int = 2000
    max_body_bytes: int = 4_000_000
    max_query_fields: int = 500
    rate_limit_per_minute: int = 600
    rate_limit_burst: int = 100
    db_connect_timeout_s: float = 2.0
    db_acquisition_timeout_s: float = 3.0
    db_transaction_timeout_s: float = 15.0
    db_liveness_check_s: float = 1.0
    db_outage_probe_s: float = 0.5
    retry_after_s: int = 2
    token_ttl_hours: int = 12
    log_format: Literal["json", "console"] | None = None  # by mode: JSON in production
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    tracing: bool = False  # OpenTelemetry spans (needs the `tracing` extra)
    token_max_ttl_hours: int = 24
    """The API refuses a token whose lifetime (exp - iat) is longer."""
    web_dist: Path = PROJECT_ROOT / "web" / "dist"
    survey_min_group: int = Field(default=5, ge=3)
    """The anonymity floor: survey results only for groups of at least this many respondents."""
    policy: PolicySettings = Field(default_factory=PolicySettings)
    """The governance rules (`TALENTGRAPH_POLICY_*`), carried with the service's settings so every
    request judges by the rules its service was started with."""

    @model_validator(mode="after")
    def _token_lifetimes(self) -> ServiceSettings:
        if self.token_ttl_hours > self.token_max_ttl_hours:
            raise ValueError(
                f"TALENTGRAPH_TOKEN_TTL_HOURS ({self.token_ttl_hours}) is longer than "
                f"TALENTGRAPH_TOKEN_MAX_TTL_HOURS ({self.token_max_ttl_hours})"
            )
        return self

    @property
    def token_max_ttl(self) -> timedelta:
        return timedelta(hours=self.token_max_ttl_hours)

    @model_validator(mode="after")
    def _production_secret(self) -> ServiceSettings:
        production_hs256 = self.mode == "production" and self.hs256_enabled
        weakness = secret_weakness(self.secret.get_secret_value()) if production_hs256 else None
        if weakness:
            raise ValueError(
                f"TALENTGRAPH_SECRET cannot sign tokens in production: {weakness}. "
                "Set it to at least 32 random bytes, e.g. `openssl rand -base64 32`."
            )
        return self

    @property
    def hs256_enabled(self) -> bool:
        """Whether HS256 tokens signed with `secret` are accepted: as set, else in development,
        and in production only while no OpenID Connect provider is configured."""
        if self.hs256_tokens is not None:
            return self.hs256_tokens
        return self.mode == "development" or self.oidc_issuer is None

    @property
    def oidc_discovery(self) -> str | None:
        """Where the provider's OpenID configuration is read."""
        if self.oidc_discovery_url:
            return self.oidc_discovery_url
        if self.oidc_issuer:
            return self.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration"
        return None

    @property
    def log_format_resolved(self) -> Literal["json", "console"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.mode == "production" else "console"

    @property
    def graphiql_enabled(self) -> bool:
        return self.graphiql if self.graphiql is not None else self.mode == "development"

    @property
    def introspection_enabled(self) -> bool:
        if self.introspection is not None:
            return self.introspection
        return self.mode == "development"


@lru_cache(maxsize=1)
def service_settings() -> ServiceSettings:
    """The service's settings from the environment; `ConfigurationError` says what is wrong."""
    try:
        return ServiceSettings()
    except ValidationError as error:
        problems = "; ".join(
            str(problem["msg"]).removeprefix("Value error, ") for problem in error.errors()
        )
        raise ConfigurationError(problems) from None


class ImportSettings(BaseSettings):
    """Guards of the HRIS import."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_IMPORT_", extra="ignore")

    max_deactivation_pct: float = Field(default=10.0, ge=0, le=100)
    """A full export that would mark more than this share of the active people inactive is
    refused unless `--allow-mass-deactivation` is given."""


class SmtpSettings(BaseSettings):
    """The organisation's mail server and sender, for e-mail notifications."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_SMTP_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 25
    security: Literal["none", "starttls", "tls"] = "none"
    username: str | None = None
    password: str | None = None
    sender: str = "Talent marketplace <talent@localhost>"
    timeout_s: float = 30.0
    connections: int = 4  # kept open and reused by the delivery worker


class DeliverySettings(BaseSettings):
    """How notifications leave the marketplace: the worker's pace and retries, the links in
    messages, the digest hour and the organisation's chat webhooks."""

    model_config = SettingsConfigDict(env_prefix="TALENTGRAPH_DELIVERY_", extra="ignore")

    worker: bool = False  # the service runs the delivery loop in its lifespan
    interval_s: float = 5.0
    batch_size: int = 200
    concurrency: int = 8
    max_attempts: int = 5
    backoff_s: float = 30.0
    backoff_max_s: float = 3600.0
    lease_s: float = 120.0
    digest_hour: int = Field(default=8, ge=0, le=23)
    web_url: str = "http://127.0.0.1:8000"  # the service serves the web app
    public_url: str = "http://127.0.0.1:8000"
    slack_webhook_url: str | None = None
    teams_webhook_url: str | None = None
    webhook_timeout_s: float = 10.0
