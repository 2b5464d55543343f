"""Schema extensions of the service: error policy, the request record (operation name and outcome
for logs and metrics), query counting, the request limits and, when on, tracing."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from graph.errors import DatabaseUnavailable, DomainError
from graph.settings import ServiceSettings
from resolvers.context import Context
from schema.errors import error_extensions
from service import codes
from service.query_cost import QuerySizeLimiter

log = logging.getLogger("talentgraph.service")


def _replaced(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message, error.nodes, error.source, error.positions, error.path, None, extensions
    )


_SUGGESTION = re.compile(r" Did you mean .*\?$")
_BAD_VARIABLE = re.compile(r"^Variable '\$(\w+)' (?:got|has) invalid value")


def coded(error: GraphQLError) -> GraphQLError:
    """GraphQL's own error (syntax, schema validation, a limit, a variable of the wrong type)
    with the code a client branches on."""
    if error.extensions and "code" in error.extensions:
        return error
    variable = _BAD_VARIABLE.match(error.message)
    if variable:  # a variable of the wrong type or value (NaN, Infinity, a string for an Int)
        extensions = {**(error.extensions or {}), "code": codes.VALIDATION}
        extensions["field"] = variable.group(1)
        return GraphQLError(
            error.message, error.nodes, error.source, error.positions, error.path, None, extensions
        )
    syntax = isinstance(error, GraphQLSyntaxError) or isinstance(
        error.original_error, GraphQLSyntaxError
    )
    code = codes.GRAPHQL_PARSE_FAILED if syntax else codes.GRAPHQL_VALIDATION_FAILED
    extensions = {**(error.extensions or {}), "code": code}
    return GraphQLError(
        error.message, error.nodes, error.source, error.positions, error.path, None, extensions
    )


class ErrorPolicy(SchemaExtension):
    """What a client sees of an error. GraphQL's own errors (syntax, validation, limits) and the
    user's errors (`DomainError`, raised by a query field) keep their message, with the `code`
    and facts of `schema.errors.error_extensions`.
    An unavailable database says so. Anything else is a bug: logged with its traceback and the
    request id, and the client gets a generic message carrying that id."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        context: Context = self.execution_context.context
        result.errors = [self._policy(error, context.request_id) for error in result.errors]

    @staticmethod
    def _policy(error: GraphQLError, request_id: str) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            return coded(error)
        if isinstance(original, DomainError):
            log.info(
                "user error: %s", original.message,
                extra={"request_id": request_id, "error": type(original).__name__},
            )  # fmt: skip
            return _replaced(error, original.message, error_extensions(original))
        if isinstance(original, DatabaseUnavailable):
            log.warning("request %s: %s", request_id, original.message)
            message = f"The database is unavailable; try again later (request {request_id})."
            return _replaced(error, message, {"code": codes.UNAVAILABLE, "requestId": request_id})
        log.error("request %s failed", request_id, exc_info=original)
        message = f"Internal error (request {request_id})."
        return _replaced(error, message, {"code": codes.INTERNAL, "requestId": request_id})


class RequestRecord(SchemaExtension):
    """Notes on the context what the request's log line and metrics report: the operation's name
    and its outcome (`ok`, or the code of its first error). Runs outside ErrorPolicy, so it sees
    the codes ErrorPolicy gave."""

    def on_operation(self) -> Iterator[None]:
        yield
        context: Context = self.execution_context.context
        context.operation_name = self.execution_context.operation_name
        result = self.execution_context.result
        errors = result.errors if result is not None else None
        if not errors:
            context.outcome = "ok"
            return
        code = (errors[0].extensions or {}).get("code")
        context.outcome = str(code) if code else "GRAPHQL_VALIDATION"


class ServiceSchema(strawberry.Schema):
    """Logs each error of a request as one line: a user's mistake needs no traceback, and a bug's
    traceback was logged already, with its request id, by `ErrorPolicy`."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            code = (error.extensions or {}).get("code", "")
            log.info("request error %s: %s", code, error.message)


def without_suggestions(error: GraphQLError) -> GraphQLError:
    """The error without graphql-core's "Did you mean …?" hints, which name fields and types
    a production schema does not otherwise reveal (introspection off)."""
    message = _SUGGESTION.sub("", error.message)
    if message == error.message:
        return error
    return GraphQLError(
        message, error.nodes, error.source, error.positions, error.path, None, error.extensions
    )


class CachedValidation(ValidationCache):
    """Strawberry's validation cache, run only when nothing before it refused the document
    already (QuerySizeLimiter refuses an oversized one without validating it)."""

    def on_validate(self) -> Iterator[None]:
        if self.execution_context.pre_execution_errors is None:
            yield from super().on_validate()
        else:
            yield


class QueryCount(SchemaExtension):
    """Development aid: `extensions.queries` in each response says how many Cypher queries the
    request sent, so N+1 patterns show up while a screen is being built."""

    def get_results(self) -> dict[str, Any]:
        context: Context = self.execution_context.context
        return {"queries": context.query_log.total}


def service_extensions(settings: ServiceSettings) -> list[Callable[[], SchemaExtension]]:
    """The extensions the service runs with, from its settings."""
    # The limits' rule classes are made once (each limiter makes a new class), so that the
    # validation of a query text seen before comes from the cache.
    limits = [
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: QuerySizeLimiter(max_fields=settings.max_query_fields),
        lambda: AddValidationRules(limits),
        lambda: ParserCache(maxsize=256),
        lambda: CachedValidation(maxsize=256),
        RequestRecord,
        ErrorPolicy,
    ]
    if settings.tracing:
        from strawberry.extensions.tracing import OpenTelemetryExtension

        extensions.append(OpenTelemetryExtension)
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    if settings.mode == "development":
        extensions.append(QueryCount)
    return extensions
