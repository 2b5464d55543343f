"""Graph fixtures built through the real import path (`seed.loader`), never by hand-written Cypher.

org = OrgFactory()
data = org.department("D1").person("P1", "D1").skill("python").has_skill("P1", "python", 4)
await org.load(db)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Self

from graph.database import Database
from graph.vocabulary import SkillSource
from seed.loader import load_org, load_taxonomy
from seed.org import (
    AspirationRow,
    BroaderRow,
    DemonstratedSkillRow,
    DepartmentRow,
    EngagementRow,
    GigRow,
    GigSkillRow,
    OrgData,
    PersonRow,
    PersonSkillRow,
    RelatedRow,
    SkillRow,
    TaxonomyData,
)

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


class OrgFactory:
    """A small organisation described step by step; every method returns the factory."""

    def __init__(self) -> None:
        self.taxonomy = TaxonomyData()
        self.org = OrgData()

    def skill(self, id: str, label: str | None = None, *aliases: str, **fields: Any) -> Self:
        self.taxonomy.skills.append(SkillRow(id=id, label=label or id, aliases=aliases, **fields))
        return self

    def broader(self, skill_id: str, broader_id: str, adjacent: bool = True) -> Self:
        self.taxonomy.broader.append(BroaderRow(skill_id, broader_id, adjacent))
        return self

    def related(self, skill_id: str, related_id: str, weight: float = 0.5) -> Self:
        self.taxonomy.related.append(RelatedRow(skill_id, related_id, weight))
        return self

    def department(self, id: str, name: str | None = None, parent_id: str | None = None) -> Self:
        self.org.departments.append(DepartmentRow(id, name or f"Department {id}", parent_id))
        return self

    def person(self, id: str, department_id: str, **fields: Any) -> Self:
        defaults: dict[str, Any] = {"name": f"Person {id}", "email": f"{id.lower()}@example.org"}
        self.org.people.append(PersonRow(id=id, department_id=department_id, **(defaults | fields)))
        return self

    def has_skill(
        self, person_id: str, skill_id: str, proficiency: int, *, validated: bool = False
    ) -> Self:
        source = SkillSource.MANAGER if validated else SkillSource.SELF
        self.org.person_skills.append(
            PersonSkillRow(person_id, skill_id, proficiency, validated, source)
        )
        return self

    def aspires(
        self, person_id: str, skill_id: str, interest: int = 2, visibility: str = "matching"
    ) -> Self:
        self.org.aspirations.append(
            AspirationRow(person_id, skill_id, interest, visibility)  # type: ignore[arg-type]
        )
        return self

    def gig(self, id: str, owner_id: str, department_id: str, **fields: Any) -> Self:
        defaults: dict[str, Any] = {"title": f"Gig {id}", "created_at": NOW, "published_at": NOW}
        self.org.gigs.append(
            GigRow(id=id, owner_id=owner_id, department_id=department_id, **(defaults | fields))
        )
        return self

    def requires(
        self, gig_id: str, skill_id: str, min_proficiency: int = 3, importance: str = "required"
    ) -> Self:
        self.org.gig_skills.append(
            GigSkillRow(gig_id, skill_id, min_proficiency, importance)  # type: ignore[arg-type]
        )
        return self

    def engagement(self, id: str, gig_id: str, person_id: str, **fields: Any) -> Self:
        self.org.engagements.append(
            EngagementRow(id=id, gig_id=gig_id, person_id=person_id, **fields)
        )
        return self

    def demonstrated(self, engagement_id: str, skill_id: str, level: int) -> Self:
        self.org.demonstrated_skills.append(DemonstratedSkillRow(engagement_id, skill_id, level))
        return self

    def update_person(self, id: str, **fields: Any) -> Self:
        self.org.people = [replace(p, **fields) if p.id == id else p for p in self.org.people]
        return self

    async def load(self, db: Database) -> Self:
        await load_taxonomy(db, self.taxonomy)
        await load_org(db, self.org)
        return self
