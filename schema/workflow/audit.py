"""The audit trail's GraphQL type and query."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from graph.database import Row
from graph.values import to_datetime
from resolvers.context import Info
from resolvers.workflow import (
    audit,
)


@strawberry.type(
    description="One recorded change: who made it, when, from which state to which, why."
)
class AuditEvent:
    id: strawberry.ID
    at: datetime
    actor_id: str = strawberry.field(
        description="A person id, or 'system' for a scheduled run (overdue approvals, gig starts)."
    )
    actor_name: str | None = strawberry.field(
        description="The actor's name (null for 'system' or a person since removed)."
    )
    action: str
    subject: str = strawberry.field(description="application, approval, engagement or gig")
    subject_id: strawberry.ID
    from_state: str | None
    to_state: str
    reason: str | None
    gig_id: strawberry.ID
    person_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        at = to_datetime(row["at"])
        assert at is not None
        return cls(
            id=strawberry.ID(row["id"]),
            at=at,
            actor_id=row["actor_id"],
            actor_name=row.get("actor_name"),
            action=row["action"],
            subject=row["subject"],
            subject_id=strawberry.ID(row["subject_id"]),
            from_state=row.get("from_state"),
            to_state=row["to_state"],
            reason=row.get("reason"),
            gig_id=strawberry.ID(row["gig_id"]),
            person_id=row.get("person_id"),
        )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Every recorded change of a gig (its owner and HR) or concerning a person "
        "(themselves and HR), oldest first; name exactly one."
    )
    async def audit_trail(
        self,
        info: Info,
        gig_id: strawberry.ID | None = None,
        person_id: strawberry.ID | None = None,
        first: int = 100,
    ) -> list[AuditEvent]:
        rows = await audit.audit_trail(info.context, gig_id, person_id, first)
        return [AuditEvent.from_row(row) for row in rows]
