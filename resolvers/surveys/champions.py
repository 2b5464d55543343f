"""Champions: the people HR asks for a success story or invites to a launch, each with why.

`cypher/analytics/champions.cypher` counts, per person in the scope who has not opted out
(`Person.champion_opt_out`), the well-rated gigs they completed, the other departments they
helped and the endorsements they gave; the collaboration analysis adds its person brokers."""

from __future__ import annotations

from dataclasses import dataclass

from graph.database import Database, Row
from resolvers.analytics import Scope
from resolvers.collaboration import CollaborationReport
from resolvers.identity import Viewer

GOOD_RATING = 4


@dataclass(frozen=True)
class Champion:
    person_id: str
    name: str
    department_id: str
    department_name: str
    points: int
    good_gigs: int
    departments_helped: tuple[str, ...]
    endorsements_given: int
    betweenness: float | None
    reasons: tuple[str, ...]

    @classmethod
    def from_row(cls, row: Row) -> Champion:
        return cls(
            person_id=row["person_id"],
            name=row["name"],
            department_id=row["department_id"],
            department_name=row["department_name"],
            points=row["points"],
            good_gigs=row["good_gigs"],
            departments_helped=tuple(row["departments_helped"]),
            endorsements_given=row["endorsements_given"],
            betweenness=row["betweenness"],
            reasons=tuple(reasons(row)),
        )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def reasons(row: Row) -> list[str]:
    """Why a person is listed, in words HR can repeat to them."""
    said = []
    if row["good_gigs"]:
        said.append(
            f"completed {_plural(row['good_gigs'], 'gig')} rated {GOOD_RATING} or better "
            f"(average {row['average_rating']:.1f})"
        )
    helped = row["departments_helped"]
    if helped:
        said.append(f"helped {_plural(len(helped), 'other department')}: {', '.join(helped)}")
    if row["betweenness"] is not None:
        said.append(
            "connects groups that rarely work together "
            f"(a broker of the collaboration graph, betweenness {row['betweenness']:.3f})"
        )
    if row["endorsements_given"]:
        said.append(f"gave {_plural(row['endorsements_given'], 'endorsement')} to colleagues")
    return said


async def champions(db: Database, scope: Scope, report: CollaborationReport) -> list[Champion]:
    rows = await db.read(
        "analytics/champions",
        **scope.params,
        min_rating=GOOD_RATING,
        brokers=[
            {"id": broker.id, "betweenness": broker.betweenness}
            for broker in report.person_brokers
            if broker.betweenness > 0
        ],
        limit=scope.top,
    )
    return [Champion.from_row(row) for row in rows]


async def opt_out(db: Database, viewer: Viewer) -> bool:
    """Whether the viewer opted out of the champions list (never listed while they are)."""
    rows = await db.read("people/champion_opt_out", person_id=viewer.person_id)
    return bool(rows[0]["champion_opt_out"]) if rows else False


async def set_opt_out(db: Database, viewer: Viewer, opt_out: bool) -> bool:
    """The viewer chooses whether HR may list them as a champion."""
    rows = await db.write(
        "people/set_champion_opt_out", person_id=viewer.person_id, opt_out=opt_out
    )
    return bool(rows[0]["champion_opt_out"]) if rows else opt_out
