"""Engagements after acceptance: completion with the skills shown, early cancellation, the
helper's feedback on the gig, and colleagues' endorsements."""

from __future__ import annotations

from dataclasses import dataclass

from graph import limits
from graph.database import Transaction
from graph.errors import Conflict, EntityKind, InvalidTransition, NotFound, ValidationFailed
from graph.vocabulary import GigStatus
from resolvers.context import Context
from resolvers.permissions import (
    require_colleague_on_gig,
    require_engagement_canceller,
    require_gig_owner,
    require_helper,
)
from resolvers.records.workflow import EndorsementRecord, EngagementRecord
from resolvers.skills import holders_changed
from resolvers.surveys.pulses import invite_after_completion
from resolvers.validation import check_level
from resolvers.workflow.clock import now_utc
from resolvers.workflow.outbox import Outbox
from resolvers.workflow.rules import GIG_TRANSITIONS, completable, day
from resolvers.workflow.store import (
    clean,
    engagement_by_id,
    locked_engagement,
)


@dataclass(frozen=True)
class SkillEvidence:
    skill_id: str
    level: int


@dataclass(frozen=True)
class Completion:
    engagement_id: str
    hours_worked: float
    rating: int
    feedback: str
    skills: list[SkillEvidence]


async def engagement(ctx: Context, id: str) -> EngagementRecord | None:
    rows = await ctx.db.read("workflow/engagements_by_ids", ids=[id])
    return EngagementRecord.from_row(rows[0]["engagement"]) if rows else None


async def complete_engagement(ctx: Context, completion: Completion) -> EngagementRecord:
    """The owner closes an engagement: hours, rating, feedback and the level shown per skill,
    which becomes validated proficiency (never lowered) and skill growth evidence."""
    if completion.hours_worked < 0:
        raise ValidationFailed("hoursWorked", "must not be negative")
    check_level("rating", completion.rating, 5)
    skill_ids = [evidence.skill_id for evidence in completion.skills]
    if len(set(skill_ids)) != len(skill_ids):
        raise ValidationFailed("skills", "name each skill once")
    for index, evidence in enumerate(completion.skills):
        check_level(f"skills[{index}].level", evidence.level, 5)
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> EngagementRecord:
        engagement = await locked_engagement(tx, completion.engagement_id)
        require_gig_owner(viewer, str(engagement.get("owner_id")))
        if engagement["status"] != "active":
            raise InvalidTransition("engagement", engagement["status"], "complete")
        starts = day(engagement["gig"].get("start_date"))
        if not completable(starts, now.date()):
            raise Conflict(f"the gig starts on {starts}: complete the engagement once it has begun")
        missing = (await tx.run("workflow/missing_skills", ids=skill_ids))[0]["missing"]
        if missing:
            raise NotFound("Skill", missing[0])
        gig = engagement["gig"]
        result = await tx.run(
            "workflow/complete_engagement",
            id=completion.engagement_id,
            hours_worked=completion.hours_worked,
            rating=completion.rating,
            feedback=clean(completion.feedback, "feedback", limits.FEEDBACK),
            now=now,
            **GIG_TRANSITIONS["complete"].params(),
        )
        if skill_ids:
            demonstrated = await tx.run(
                "imports/upsert_demonstrated_skills",
                rows=[
                    {
                        "engagement_id": completion.engagement_id,
                        "skill_id": e.skill_id,
                        "level": e.level,
                    }
                    for e in completion.skills
                ],
            )
            await holders_changed(tx, demonstrated[0]["skill_ids"])
        outbox = Outbox(viewer.person_id)
        outbox.event(
            "complete",
            "engagement",
            completion.engagement_id,
            "active",
            "completed",
            gig_id=gig["id"],
            person_id=engagement["person"]["id"],
            engagement_id=completion.engagement_id,
        )
        before, after = result[0]["gig_status"], result[0]["gig_status_now"]
        if before != after:
            outbox.event("complete", "gig", gig["id"], before, after, gig_id=gig["id"])
        outbox.notify(
            engagement["person"]["id"],
            "feedback_received",
            f"Your work on {gig['title']} is complete: rated {completion.rating}/5",
            gig_id=gig["id"],
            engagement_id=completion.engagement_id,
        )
        await outbox.flush(tx, now)
        await invite_after_completion(
            tx, completion.engagement_id, after == GigStatus.COMPLETED, now
        )
        return EngagementRecord.from_row(await engagement_by_id(tx, completion.engagement_id))

    return await ctx.db.in_write_transaction(work)


async def cancel_engagement(
    ctx: Context, engagement_id: str, reason: str | None
) -> EngagementRecord:
    """The owner or the helper ends an active engagement early, saying why; the hours and the
    seat are free again and the other side is told."""
    reason = clean(reason, "reason")
    if reason is None:
        raise ValidationFailed("reason", "say why: the other side is told")
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> EngagementRecord:
        engagement = await locked_engagement(tx, engagement_id)
        helper_id, owner_id = engagement["person"]["id"], engagement.get("owner_id")
        require_engagement_canceller(viewer, helper_id, owner_id)
        if engagement["status"] != "active":
            raise InvalidTransition("engagement", engagement["status"], "cancel")
        await tx.run("workflow/cancel_engagement", id=engagement_id, reason=reason, now=now)
        gig = engagement["gig"]
        outbox = Outbox(viewer.person_id)
        outbox.event(
            "cancel",
            "engagement",
            engagement_id,
            "active",
            "cancelled",
            gig_id=gig["id"],
            person_id=helper_id,
            engagement_id=engagement_id,
            reason=reason,
        )
        for recipient in (helper_id, owner_id):
            outbox.notify(
                recipient,
                "engagement_cancelled",
                f"The engagement of {engagement['person']['name']} on {gig['title']} is "
                f"cancelled: {reason}",
                gig_id=gig["id"],
                engagement_id=engagement_id,
            )
        await outbox.flush(tx, now)
        return EngagementRecord.from_row(await engagement_by_id(tx, engagement_id))

    return await ctx.db.in_write_transaction(work)


async def give_gig_feedback(
    ctx: Context, engagement_id: str, rating: int, feedback: str | None
) -> EngagementRecord:
    """The helper's word on the gig: how it went for them."""
    check_level("rating", rating, 5)
    viewer = ctx.viewer
    now = now_utc()

    async def work(tx: Transaction) -> EngagementRecord:
        engagement = await locked_engagement(tx, engagement_id)
        require_helper(viewer, engagement["person"]["id"])
        if engagement["status"] == "cancelled":
            raise InvalidTransition("engagement", "cancelled", "give feedback on")
        await tx.run(
            "workflow/set_helper_feedback",
            id=engagement_id,
            rating=rating,
            feedback=clean(feedback, "feedback", limits.FEEDBACK),
            now=now,
        )
        outbox = Outbox(viewer.person_id)
        gig = engagement["gig"]
        outbox.notify(
            engagement.get("owner_id"),
            "gig_feedback",
            f"{engagement['person']['name']} rated {gig['title']} {rating}/5",
            gig_id=gig["id"],
            engagement_id=engagement_id,
        )
        await outbox.flush(tx, now)
        return EngagementRecord.from_row(await engagement_by_id(tx, engagement_id))

    return await ctx.db.in_write_transaction(work)


async def endorse_skill(
    ctx: Context, gig_id: str, person_id: str, skill_id: str, comment: str | None
) -> EndorsementRecord:
    """A colleague on a gig vouches for a skill they saw a fellow helper use."""
    viewer = ctx.viewer
    if person_id == viewer.person_id:
        raise ValidationFailed("personId", "you cannot endorse yourself")
    now = now_utc()

    async def work(tx: Transaction) -> EndorsementRecord:
        rows = await tx.run(
            "workflow/endorsement_context",
            gig_id=gig_id,
            endorser_id=viewer.person_id,
            person_id=person_id,
            skill_id=skill_id,
        )
        context = rows[0]
        named: tuple[tuple[EntityKind, str, bool], ...] = (
            ("Gig", gig_id, context["gig_found"]),
            ("Person", person_id, context["person_found"]),
            ("Skill", skill_id, context["skill_found"]),
        )
        for kind, id, found in named:
            if not found:
                raise NotFound(kind, id)
        require_colleague_on_gig(bool(context["endorser_on_gig"]))
        if not context["person_on_gig"]:
            raise ValidationFailed("personId", "this person did not work on the gig")
        rows = await tx.run(
            "workflow/endorse_skill",
            gig_id=gig_id,
            endorser_id=viewer.person_id,
            person_id=person_id,
            skill_id=skill_id,
            comment=clean(comment, "comment"),
            now=now,
        )
        endorsement = EndorsementRecord.from_row(rows[0]["endorsement"])
        outbox = Outbox(viewer.person_id)
        outbox.notify(
            person_id,
            "endorsed",
            f"A colleague endorsed your {endorsement.skill.label}",
            gig_id=gig_id,
        )
        await outbox.flush(tx, now)
        return endorsement

    return await ctx.db.in_write_transaction(work)
