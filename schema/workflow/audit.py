"""The audit trail's GraphQL type and query."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.records.workflow import AuditEventRecord
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
    def from_record(cls, record: AuditEventRecord) -> Self:
        return cls(
            id=strawberry.ID(record.id),
            at=record.at,
            actor_id=record.actor_id,
            actor_name=record.actor_name,
            action=record.action,
            subject=record.subject,
            subject_id=strawberry.ID(record.subject_id),
            from_state=record.from_state,
            to_state=record.to_state,
            reason=record.reason,
            gig_id=strawberry.ID(record.gig_id),
            person_id=strawberry.ID(record.person_id) if record.person_id is not None else None,
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
        events = await audit.audit_trail(info.context, gig_id, person_id, first)
        return [AuditEvent.from_record(event) for event in events]
