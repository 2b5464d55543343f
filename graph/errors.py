"""One hierarchy for every error talentgraph raises on purpose.

The API maps each class to a typed GraphQL result (`NotFound`, `Forbidden`, `ValidationError`,
`Conflict`); the CLI prints its message. Anything outside this hierarchy is a bug and is masked.
"""

from __future__ import annotations

from typing import Literal


class TalentGraphError(Exception):
    """Base of every expected error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseUnavailable(TalentGraphError):
    """Neo4j cannot be reached, or gave up on the request for a reason that passes (a deadlock, a
    leader switch, too little memory, every pooled connection busy): the same request may succeed
    later. The API answers with the code `UNAVAILABLE`."""


class ConfigurationError(TalentGraphError):
    """A setting is missing or unsafe (production with a published secret, say)."""


class LocalServerError(TalentGraphError):
    """The local Neo4j server cannot be set up or started (missing Java or Maven, a port in use)."""


class QueryError(TalentGraphError):
    """A Cypher file is missing or Neo4j refused a query: our defect, not the user's input."""


class DomainError(TalentGraphError):
    """An error the user caused and can fix; the API returns it as a typed result."""


EntityKind = Literal[
    "Application",
    "Aspiration",
    "Department",
    "DueSurvey",
    "Engagement",
    "Gig",
    "Person",
    "Skill",
    "Survey",
    "SurveyQuestion",
]
"""What a `NotFound` names: the GraphQL type of the thing, so clients read one spelling."""


class NotFound(DomainError):
    def __init__(self, kind: EntityKind, id: str, hint: str = "") -> None:
        super().__init__(f"{kind} {id!r} does not exist{hint}")
        self.kind = kind
        self.id = id


class Forbidden(DomainError):
    """The viewer may not do this."""


class Conflict(DomainError):
    """The request contradicts the current state: a duplicate id, a full gig, a stale transition."""


class ConstraintViolation(Conflict):
    """Neo4j refused a write because it breaks a uniqueness or existence constraint."""


class InvalidTransition(Conflict):
    def __init__(self, kind: str, current: str, attempted: str) -> None:
        super().__init__(f"cannot {attempted} a {kind} that is {current}")
        self.kind = kind
        self.current = current
        self.attempted = attempted


class ValidationFailed(DomainError):
    """Input that breaks a rule; `field` names the input field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message
