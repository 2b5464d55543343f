"""Slack and Microsoft Teams through the organisation's incoming webhooks: a message that mentions
the person (their Slack member id, their Teams user) with a button that opens the screen."""

from __future__ import annotations

from typing import Any

import httpx

from delivery.channels import SendFailed
from delivery.messages import Message


def slack_payload(message: Message) -> dict[str, Any]:
    text = "\n".join((f"<@{message.address}> *{message.subject}*", message.lead, *message.details))
    return {
        "text": f"{message.subject}: {message.action.url}",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": message.action.label},
                        "url": message.action.url,
                    }
                ],
            },
        ],
    }


def teams_payload(message: Message) -> dict[str, Any]:
    mention = f"<at>{message.recipient['name']}</at>"
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": f"{mention} {message.subject}", "weight": "Bolder",
         "wrap": True},
        {"type": "TextBlock", "text": message.lead, "wrap": True},
        *({"type": "TextBlock", "text": line, "wrap": True} for line in message.details),
    ]  # fmt: skip
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
        "actions": [
            {"type": "Action.OpenUrl", "title": message.action.label, "url": message.action.url}
        ],
        "msteams": {
            "entities": [
                {
                    "type": "mention",
                    "text": mention,
                    "mentioned": {"id": message.address, "name": message.recipient["name"]},
                }
            ]
        },
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        ],
    }


PAYLOADS = {"slack": slack_payload, "teams": teams_payload}


class WebhookSender:
    """Posts each message to one incoming webhook; 4xx other than 429 is permanent."""

    def __init__(self, channel: str, url: str, timeout_s: float) -> None:
        self.payload = PAYLOADS[channel]
        self.url = url
        self.client = httpx.AsyncClient(timeout=timeout_s)

    async def send(self, message: Message) -> None:
        try:
            response = await self.client.post(self.url, json=self.payload(message))
        except httpx.HTTPError as error:
            raise SendFailed(f"{type(error).__name__}: {error}") from error
        if response.is_success:
            return
        status = response.status_code
        reason = f"{status} {response.text[:200]}"
        raise SendFailed(reason, permanent=400 <= status < 500 and status != 429)

    async def close(self) -> None:
        await self.client.aclose()
