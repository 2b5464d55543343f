"""Input checks shared by the mutations; each raises ValidationFailed naming the input field."""

from __future__ import annotations

import re
from enum import StrEnum

from graph.errors import ValidationFailed
from graph.vocabulary import values

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")


def check_id(field: str, value: str) -> None:
    if not _ID.match(value):
        raise ValidationFailed(field, "must be 1-100 letters, digits, '.', '_', ':' or '-'")


def check_level(field: str, value: int, top: int) -> None:
    if not 1 <= value <= top:
        raise ValidationFailed(field, f"must be between 1 and {top}")


def check_text(field: str, value: str | None, *, required: bool, longest: int = 200) -> None:
    """`value` (None: not given) must not be blank when `required`, nor longer than `longest`."""
    if value is None:
        return
    if required and not value.strip():
        raise ValidationFailed(field, "must not be blank")
    if len(value) > longest:
        raise ValidationFailed(field, f"must be at most {longest} characters")


def check_range(
    field: str, value: float | None, low: float, high: float, *, open_low: bool
) -> None:
    """`value` (None: not given) must lie in (low, high] when `open_low`, else in [low, high]."""
    if value is None:
        return
    if value > high or value < low or (open_low and value == low):
        bound = "more than" if open_low else "at least"
        raise ValidationFailed(field, f"must be {bound} {low:g} and at most {high:g}")


def check_one_of(field: str, value: str | None, vocabulary: type[StrEnum]) -> None:
    """`value` (None: not given) must be one of the vocabulary's stored values."""
    allowed = values(vocabulary)
    if value is not None and value not in allowed:
        raise ValidationFailed(field, f"must be one of {', '.join(allowed)}")
