"""The `extensions.code` of every error the API answers, so a client branches on a code, never on
a message. Request errors (before any GraphQL runs) carry an HTTP status too."""

from __future__ import annotations

from schema import errors

# Refused before GraphQL runs
UNAUTHENTICATED = "UNAUTHENTICATED"  # 401: no token, or an expired, forged or malformed one
FORBIDDEN_VIEWER = "FORBIDDEN_VIEWER"  # 403: the token's person is not an active person
BAD_REQUEST = "BAD_REQUEST"  # 400: not a GraphQL request (bad JSON, no query, ...)
NOT_FOUND = errors.CODES[errors.NotFound]  # also 404: no such route
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"  # 405: a mutation over GET
NOT_ACCEPTABLE = "NOT_ACCEPTABLE"  # 406: the client accepts no JSON
BODY_TOO_LARGE = "BODY_TOO_LARGE"  # 413
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"  # 415: the body is not application/json
RATE_LIMITED = "RATE_LIMITED"  # 429

# GraphQL that could not run
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"  # a syntax error
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"  # against the schema, or over a limit
QUERY_TOO_LARGE = "QUERY_TOO_LARGE"  # more fields, or more repeats of one, than the service takes

# Errors of a field (see service.extensions.ErrorPolicy; the user errors' codes are
# schema.errors.CODES)
VALIDATION = errors.CODES[errors.ValidationError]
UNAVAILABLE = errors.UNAVAILABLE  # 503 with Retry-After: the database does not answer
INTERNAL = "INTERNAL"  # a bug: logged with its traceback, masked here

_BY_STATUS = {
    400: BAD_REQUEST,
    401: UNAUTHENTICATED,
    403: FORBIDDEN_VIEWER,
    404: NOT_FOUND,
    405: METHOD_NOT_ALLOWED,
    406: NOT_ACCEPTABLE,
    413: BODY_TOO_LARGE,
    415: UNSUPPORTED_MEDIA_TYPE,
    429: RATE_LIMITED,
}


def for_status(status: int) -> str:
    return _BY_STATUS.get(status, BAD_REQUEST)
