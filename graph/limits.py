"""The longest value each kind of free text may have, in characters: one table for the API's
inputs and the HRIS import's cells, documented in the README ("Limits")."""

from __future__ import annotations

SHORT_TEXT = 200
"""Names, titles, labels, locations, search strings."""
EMAIL = 254
"""An e-mail address (RFC 5321's longest path)."""
DESCRIPTION = 10_000
"""A gig's or a skill's description."""
NOTE = 2_000
"""An application's note, a reason (declining, cancelling, withdrawing), an endorsement comment."""
FEEDBACK = 5_000
"""Written feedback on an engagement."""
ALIASES = 2_000
"""A skill's aliases, `|`-separated, in an import cell."""
IMPORT_CELL = 1_000
"""Any other cell of an HRIS import (ids, numbers, dates, choices)."""
