"""What one workflow transaction tells: its audit events and notifications, written just before
it commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from graph.database import Row, Transaction
from graph.vocabulary import NotificationKind
from resolvers.workflow.rules import NOTICES, OUTCOMES


@dataclass
class Outbox:
    """The audit events and notifications of one transaction, written just before it commits."""

    actor_id: str
    events: list[Row] = field(default_factory=list)
    notices: list[Row] = field(default_factory=list)

    def event(
        self,
        action: str,
        subject: Literal["application", "approval", "engagement", "gig"],
        subject_id: str,
        from_state: str | None,
        to_state: str,
        *,
        gig_id: str,
        person_id: str | None = None,
        application_id: str | None = None,
        engagement_id: str | None = None,
        reason: str | None = None,
    ) -> None:
        self.events.append(
            {
                "seq": len(self.events),
                "actor_id": self.actor_id,
                "action": action,
                "subject": subject,
                "subject_id": subject_id,
                "from_state": from_state,
                "to_state": to_state,
                "reason": reason,
                "gig_id": gig_id,
                "person_id": person_id,
                "application_id": application_id,
                "engagement_id": engagement_id,
            }
        )

    def notify(
        self,
        person_id: str | None,
        kind: str,
        message: str,
        *,
        gig_id: str,
        application_id: str | None = None,
        engagement_id: str | None = None,
    ) -> None:
        if person_id is None or person_id == self.actor_id:
            return
        self.notices.append(
            {
                "person_id": person_id,
                "kind": kind,
                "message": message,
                "gig_id": gig_id,
                "application_id": application_id,
                "engagement_id": engagement_id,
            }
        )

    def application_event(
        self, action: str, application: Row, to_state: str, reason: str | None = None
    ) -> None:
        self.event(
            action,
            "application",
            application["id"],
            application["state"],
            to_state,
            gig_id=application["gig"]["id"],
            person_id=application["person"]["id"],
            application_id=application["id"],
            reason=reason,
        )

    def approval_event(
        self, action: str, application: Row, to_state: str, reason: str | None
    ) -> None:
        self.event(
            action,
            "approval",
            application["id"],
            application["approval_state"],
            to_state,
            gig_id=application["gig"]["id"],
            person_id=application["person"]["id"],
            application_id=application["id"],
            reason=reason,
        )

    def tell(self, action: str, application: Row, reason: str | None = None) -> None:
        """The notification `NOTICES` names for `action` on `application`."""
        recipient, kind, template = NOTICES[action]
        message = template.format(
            person=application["person"]["name"], gig=application["gig"]["title"]
        )
        self.notify(
            application["person"]["id"] if recipient == "applicant" else application["owner_id"],
            kind,
            f"{message}: {reason}" if reason else message,
            gig_id=application["gig"]["id"],
            application_id=application["id"],
        )
        if action in OUTCOMES and application.get("approval_state") == "approved":
            self.notify(
                application.get("approver_id"),
                NotificationKind.APPROVAL_OUTCOME,
                f"{application['person']['name']}, whose move you approved, {OUTCOMES[action]} "
                f"{application['gig']['title']}",
                gig_id=application["gig"]["id"],
                application_id=application["id"],
            )

    async def flush(self, tx: Transaction, now: datetime) -> None:
        if self.events:
            await tx.run("workflow/record_events", events=self.events, now=now)
        if self.notices:
            await tx.run("workflow/notify", notifications=self.notices, now=now)
