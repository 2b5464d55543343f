"""The gig lifecycle: applications and invitations, the one manager approval, assignment without
overbooking, completion with feedback and skill growth, the audit trail and notifications, one
module per sub-domain.

Every state change is one write transaction that locks what it changes (the gig, then the
person, then the application), re-reads it (`store`), checks it against `rules.TRANSITIONS`, the
rules of `resolvers.permissions` and the approval policy (`graph.settings.PolicySettings`),
writes, and records an `AuditEvent` per change and a `Notification` for whoever must act or be
told (`outbox`).
"""
