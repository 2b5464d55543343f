"""GraphQL types and fields of the gig lifecycle, one module per sub-domain (as in
`resolvers/workflow/`): applications and invitations, the manager's approval, engagements,
growth, the audit trail and notifications. The root types take the classes below in this order."""

from __future__ import annotations

from schema.workflow.applications import ApplicationsMutation, ApplicationsQuery
from schema.workflow.approvals import ApprovalsMutation, ApprovalsQuery
from schema.workflow.audit import AuditQuery
from schema.workflow.engagements import EngagementsMutation
from schema.workflow.growth import GrowthQuery
from schema.workflow.notifications import (
    NotificationsMutation,
    NotificationsQuery,
    NotificationsSubscription,
)

QUERIES = (ApplicationsQuery, ApprovalsQuery, AuditQuery, NotificationsQuery, GrowthQuery)
MUTATIONS = (ApplicationsMutation, ApprovalsMutation, EngagementsMutation, NotificationsMutation)
SUBSCRIPTIONS = (NotificationsSubscription,)
