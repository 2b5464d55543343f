"""Notification delivery: the outbox worker, the channels (e-mail, Slack, Teams), the templates,
digests, calendar invitations, preferences and signed unsubscribe links."""
