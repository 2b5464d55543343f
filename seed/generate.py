"""A believable organisation, generated from the real taxonomy, deterministic per seed.

`generate_org(taxonomy, people=N, gigs=M, seed=S)` builds, in the HRIS import's shape:

* a department tree (`seed.profiles`): an executive office and eleven departments of realistic
  shares, split into named areas and then teams as they grow, each with its head; managers have
  spans of 6 to 10;
* people whose skills come from the ESCO profile of an occupation that fits their department
  (most essential skills, some optional ones, now and then a surprise from another occupation),
  proficiency by seniority, about a third validated, varying hours and gig capacity;
* aspirations, mostly skills adjacent (`RELATED_TO`) to what people know, some a career move;
* M historic gigs over the past 18 months (completed with outcomes, some in progress, filled,
  open, cancelled or draft) with realistic timestamps, engagements approved by the person's
  manager, ratings, feedback and demonstrated skills;
* the 25 "seed the market" gigs of `seed.market_gigs`, open now;
* a few custom skills of the organisation's own.

Timestamps count back from `as_of` (default: today), so the history is always recent.
"""

from __future__ import annotations

import math
import random
import unicodedata
from bisect import bisect
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import TypeVar

from graph.vocabulary import EngagementStatus, GigStatus, GigType, Importance, Visibility
from seed.market_gigs import MARKET_GIGS
from seed.org import (
    AspirationRow,
    CustomSkillRow,
    DemonstratedSkillRow,
    DepartmentRow,
    EngagementRow,
    GigRow,
    GigSkillRow,
    OccupationRow,
    OrgData,
    PersonRow,
    PersonSkillRow,
    TaxonomyData,
)
from seed.org_import import gc_paused
from seed.profiles import DEPARTMENTS, EXECUTIVE, DepartmentProfile
from seed.skill_index import SkillIndex, SkillName

T = TypeVar("T")

DOMAIN = "northwind.example"
HISTORY_DAYS = 540

FIRST_NAMES = (
    "Aisha", "Alex", "Amelia", "Ana", "Andrea", "Anna", "Arjun", "Ben", "Camille", "Carlos",
    "Chen", "Chloe", "Clara", "Daniel", "David", "Elena", "Emma", "Eva", "Fatima", "Felix",
    "Finn", "Gabriel", "Grace", "Hannah", "Hugo", "Ibrahim", "Ines", "Isabel", "Jakob", "James",
    "Jan", "Javier", "Julia", "Karim", "Katarzyna", "Laura", "Leo", "Lena", "Lucas", "Lucia",
    "Luis", "Maja", "Marco", "Maria", "Mateo", "Max", "Mei", "Mia", "Mohammed", "Nadia", "Noah",
    "Nora", "Olga", "Oliver", "Omar", "Paul", "Pedro", "Piotr", "Priya", "Rafael", "Ravi",
    "Rosa", "Ruth", "Sam", "Sara", "Sofia", "Sophie", "Stefan", "Tariq", "Thomas", "Tom", "Una",
    "Victor", "Wei", "Yusuf", "Zara", "Zofia", "Niamh", "Sean", "Ingrid", "Lars", "Matteo",
)  # fmt: skip
LAST_NAMES = (
    "Ahmed", "Andersen", "Bauer", "Becker", "Bianchi", "Byrne", "Costa", "Da Silva", "Dubois",
    "Eriksson", "Fernandes", "Fischer", "Garcia", "Gomez", "Hansen", "Hoffmann", "Ivanova",
    "Jansen", "Johansson", "Kaur", "Khan", "Kowalski", "Kumar", "Lambert", "Larsen", "Laurent",
    "Lee", "Lopez", "Martin", "Martinez", "Meyer", "Moreau", "Muller", "Murphy", "Nielsen",
    "Novak", "Nowak", "O'Brien", "Olsen", "Patel", "Pereira", "Petrov", "Rossi", "Russo",
    "Santos", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Sousa", "Svensson", "Tanaka",
    "Van Dijk", "Visser", "Wagner", "Walsh", "Wang", "Weber", "Williams", "Wojcik", "Yilmaz",
    "Zhang", "Zielinski", "De Vries", "Horvat", "Kovacs", "Popescu", "Ferrari", "Jensen",
)  # fmt: skip
LOCATIONS = (
    ("London", 22), ("Berlin", 16), ("Amsterdam", 12), ("Lisbon", 10), ("Warsaw", 10),
    ("Dublin", 8), ("Madrid", 8), ("Paris", 7), ("Remote", 7),
)  # fmt: skip
WEEKLY_HOURS = ((40.0, 72), (36.0, 8), (32.0, 12), (24.0, 5), (20.0, 3))
GIG_CAPACITY = ((0.0, 4), (10.0, 18), (15.0, 12), (20.0, 40), (25.0, 10), (30.0, 10), (40.0, 6))
SENIORITY = (("Junior", 2.3, 18), ("", 3.0, 45), ("Senior", 3.6, 28), ("Principal", 4.1, 9))
GIG_TYPES: tuple[tuple[GigType, int], ...] = (
    (GigType.PROJECT, 55), (GigType.MICRO_TASK, 25), (GigType.MENTORSHIP, 12),
    (GigType.SECONDMENT, 8),
)  # fmt: skip
MAX_TOOLS = 2  # a person lists at most this many tools (O*NET technology skills)
TOOL_SHARE = 0.6  # how often a skill with tools under it brings one along (a person's, a gig's)
RATINGS = ((5, 35), (4, 40), (3, 17), (2, 6), (1, 2))
FEEDBACK = {
    5: ("Outstanding: delivered ahead of plan and the team still uses it.",
        "Exactly what we needed; clear communication throughout.",
        "Raised the bar for everyone involved. Would ask again tomorrow."),
    4: ("Solid work, delivered on time with good documentation.",
        "Good result; a few loose ends we closed together.",
        "Reliable and easy to work with."),
    3: ("Did the job; needed more guidance than expected.",
        "Useful result, though the scope slipped a little."),
    2: ("Delivered part of the scope; priorities at home got in the way.",),
    1: ("Had to stop early; the fit was not right.",),
}  # fmt: skip
HISTORIC_TITLES: dict[str, tuple[str, ...]] = {
    "EXEC": ("Board pack redesign", "Strategy offsite preparation", "OKR review"),
    "FIN": ("Cost-centre budget review", "Quarter-end close checklist automation",
            "Supplier payment terms analysis", "Travel expense policy refresh",
            "Capex approval workflow", "Revenue recognition memo"),
    "HR": ("Exit interview analysis", "Salary band benchmarking", "Graduate programme intake",
           "Engagement survey follow-up", "HR policy handbook rewrite"),
    "MKT": ("Product launch campaign", "Customer case study series", "Newsletter relaunch",
            "Brand guidelines refresh", "Webinar programme", "Market sizing study"),
    "SAL": ("Territory plan refresh", "Win/loss interview programme", "Partner enablement kit",
            "Proposal template overhaul", "Key account plan review"),
    "CS": ("Knowledge base clean-up", "Call script review", "Complaint root-cause analysis",
           "Service level reporting", "Self-service help articles"),
    "ENG": ("Payment service refactoring", "Mobile app release automation", "API documentation",
            "Performance test suite", "Logging and monitoring upgrade", "Legacy module rewrite"),
    "DATA": ("Sales KPI dashboard", "Data dictionary", "Forecast model review",
             "Customer segmentation model", "Report migration to the new BI tool"),
    "PROD": ("Feature discovery interviews", "Requirements for the partner portal",
             "Roadmap prioritisation workshop", "Prototype of the self-service flow"),
    "IT": ("Laptop refresh rollout", "Access review", "Backup restore test",
           "Service desk runbook", "Phishing awareness campaign"),
    "OPS": ("Warehouse slotting study", "Supplier consolidation", "Office move planning",
            "Logistics tender", "Inventory accuracy review", "PMO reporting template"),
    "LEG": ("Contract template library", "Policy attestation campaign", "Risk register refresh",
            "Third-party due diligence", "Audit follow-up actions"),
}  # fmt: skip
CUSTOM_SKILLS = (
    ("NW-FORGE", "Forge CI pipelines", ("forge", "forge ci"),
     "Jenkins (tools for software configuration management)", "ENG"),
    ("NW-LEDGER", "Northwind Ledger (in-house ERP)", ("nw ledger", "ledger erp"), "accounting",
     "FIN"),
    ("NW-ATLAS", "Atlas customer data platform", ("atlas", "atlas cdp"),
     "customer relationship management", "CS"),
    ("NW-PLAYBOOK", "Northwind sales playbook", ("sales playbook",), None, "SAL"),
)  # fmt: skip


def _pick(rng: random.Random, weighted: Sequence[tuple[T, float]]) -> T:
    cumulative = list(accumulate(weight for _, weight in weighted))
    return weighted[bisect(cumulative, rng.random() * cumulative[-1])][0]


def _title_case(label: str) -> str:
    return " ".join(word if word.isupper() else word.capitalize() for word in label.split())


def _ascii(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in flat.lower() if ch.isalnum())


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


@dataclass
class _Person:
    row: PersonRow
    occupation: OccupationRow
    level: float
    skills: dict[str, int] = field(default_factory=dict)
    aspirations: set[str] = field(default_factory=set)
    reports: int = 0


class _Generator:
    def __init__(self, taxonomy: TaxonomyData, seed: int, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.org = OrgData()
        self.occupations = {occupation.label: occupation for occupation in taxonomy.occupations}
        self.skill_index = SkillIndex(
            SkillName(s.id, s.label, (s.label.lower(), *(a.lower() for a in s.aliases)))
            for s in taxonomy.skills
        )
        self.neighbours: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for related in taxonomy.related:
            self.neighbours[related.skill_id].append((related.related_id, related.weight))
            self.neighbours[related.related_id].append((related.skill_id, related.weight))
        self.people: list[_Person] = []
        self.managers: dict[str, list[_Person]] = defaultdict(list)
        self.emails: set[str] = set()
        self.skill_holders: dict[str, list[_Person]] = defaultdict(list)
        self.aspirants: dict[str, list[_Person]] = defaultdict(list)
        hot = {s.id for s in taxonomy.skills if s.type == "technology" and s.hot_technology}
        self.tools: dict[str, list[str]] = defaultdict(list)
        """The hot technologies (O*NET's most used tools) under each skill, by id."""
        for link in sorted(taxonomy.broader, key=lambda link: link.skill_id):
            if link.skill_id in hot:
                self.tools[link.broader_id].append(link.skill_id)
        # tools come from their own draws, so the rest of the organisation stays what seed made
        self.tool_rng = random.Random(f"{seed}-tools")

    # people and departments

    def department(self, id: str, name: str, parent_id: str | None) -> str:
        self.org.departments.append(DepartmentRow(id, name, parent_id))
        return id

    def person(
        self,
        department_id: str,
        top: str,
        manager: _Person | None,
        occupation: OccupationRow,
        title: str | None = None,
        level: float | None = None,
    ) -> _Person:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        base = f"{_ascii(first)}.{_ascii(last)}"
        email = f"{base}@{DOMAIN}"
        number = 2
        while email in self.emails:
            email, number = f"{base}{number}@{DOMAIN}", number + 1
        self.emails.add(email)
        if title is None or level is None:
            prefix, level, _ = _pick(rng, [(s, s[2]) for s in SENIORITY])
            title = f"{prefix} {_title_case(occupation.label)}".strip()
        row = PersonRow(
            id=f"P{len(self.people) + 1:06d}",
            name=f"{first} {last}",
            email=email,
            department_id=department_id,
            manager_id=manager.row.id if manager else None,
            title=title,
            location=_pick(rng, LOCATIONS),
            weekly_hours=_pick(rng, WEEKLY_HOURS),
            gig_capacity_pct=_pick(rng, GIG_CAPACITY),
        )
        person = _Person(row, occupation, level)
        self.people.append(person)
        if manager is not None:
            manager.reports += 1
            if manager.reports == 1:
                self.managers[top].append(manager)
        return person

    def unit(
        self,
        profile: DepartmentProfile,
        id: str,
        name: str,
        parent_id: str | None,
        size: int,
        manager: _Person | None,
        depth: int,
    ) -> None:
        """A department of `size` people (its head included), split further when large."""
        self.department(id, name, parent_id)
        lead = self.occupations[profile.occupations[0][0]]
        head_title = {0: f"Director, {name}", 1: f"Head of {name}"}.get(depth, f"Lead, {name}")
        head = self.person(id, profile.id, manager, lead, head_title, 4.2 - 0.2 * depth)
        rest = size - 1
        if rest > 60 and depth < 2:
            names = (
                list(profile.units)
                if depth == 0
                else [f"{name} Team {k + 1}" for k in range(math.ceil(rest / 50))]
            )
            parts = min(len(names), math.ceil(rest / 50))
            for k in range(parts):
                share = rest // parts + (1 if k < rest % parts else 0)
                self.unit(profile, f"{id}-{k + 1:02d}", names[k], id, share, head, depth + 1)
            return
        occupations = [(self.occupations[label], weight) for label, weight in profile.occupations]
        leads = [head]
        if rest > 10:
            count = math.ceil(rest / 9)
            leads = [
                self.person(
                    id,
                    profile.id,
                    head,
                    occupation,
                    f"Team Lead, {_title_case(occupation.label)}",
                    3.8,
                )
                for occupation in (_pick(self.rng, occupations) for _ in range(count))
            ]
            rest -= count
        for k in range(rest):
            self.person(id, profile.id, leads[k % len(leads)], _pick(self.rng, occupations))

    def organisation(self, headcount: int) -> None:
        exec_occupations = [self.occupations[label] for label, _ in EXECUTIVE.occupations]
        self.department(EXECUTIVE.id, EXECUTIVE.name, None)
        ceo = self.person(
            EXECUTIVE.id, EXECUTIVE.id, None, exec_occupations[0], "Chief Executive Officer", 4.6
        )
        staff = [ceo]
        if headcount >= 50:
            staff.append(
                self.person(
                    EXECUTIVE.id,
                    EXECUTIVE.id,
                    ceo,
                    exec_occupations[1],
                    "Chief Operating Officer",
                    4.5,
                )
            )
        if headcount >= 30:
            staff.append(
                self.person(
                    EXECUTIVE.id, EXECUTIVE.id, ceo, exec_occupations[2], "Executive Assistant", 3.4
                )
            )
        rest = headcount - len(staff)
        shares = [profile.share * rest for profile in DEPARTMENTS]
        sizes = [int(share) for share in shares]
        by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - sizes[i], reverse=True)
        for i in by_remainder[: rest - sum(sizes)]:
            sizes[i] += 1
        for profile, size in zip(DEPARTMENTS, sizes, strict=True):
            if size > 0:
                self.unit(profile, profile.id, profile.name, None, size, ceo, 0)

    # skills and aspirations

    def proficiency(self, centre: float) -> int:
        return max(1, min(5, round(self.rng.gauss(centre, 0.7))))

    def give_skills(self, person: _Person, custom: dict[str, list[str]]) -> None:
        rng, occupation = self.rng, person.occupation
        essential = rng.sample(
            occupation.essential, min(len(occupation.essential), rng.randint(7, 12))
        )
        optional = rng.sample(occupation.optional, min(len(occupation.optional), rng.randint(2, 5)))
        chosen = [(s, person.level, 0.35) for s in essential]
        chosen += [(s, person.level - 0.8, 0.15) for s in optional]
        if rng.random() < 0.35:
            other = rng.choice(list(self.occupations.values()))
            surprises = rng.sample(other.essential, min(len(other.essential), rng.randint(1, 2)))
            chosen += [(s, 2.6, 0.1) for s in surprises]
        for skill_id in custom.get(self.top_of(person), []):
            if rng.random() < 0.4:
                chosen.append((skill_id, person.level - 0.3, 0.3))
        for skill_id, centre, validated_share in chosen:
            if skill_id not in person.skills:
                self.hold(
                    person, skill_id, self.proficiency(centre), rng.random() < validated_share
                )
        self.give_tools(person)

    def hold(self, person: _Person, skill_id: str, level: int, validated: bool) -> None:
        person.skills[skill_id] = level
        self.skill_holders[skill_id].append(person)
        self.org.person_skills.append(PersonSkillRow(person.row.id, skill_id, level, validated))

    def tool_for(self, skill_id: str, taken: Collection[str]) -> str | None:
        """One of the hot technologies under `skill_id` not in `taken`, or None."""
        tools = [tool for tool in self.tools.get(skill_id, ()) if tool not in taken]
        return self.tool_rng.choice(tools) if tools else None

    def give_tools(self, person: _Person) -> None:
        """Up to `MAX_TOOLS` tools a person of their skills would list (Excel under spreadsheets),
        at about the level of the skill they serve, claimed rather than validated."""
        served = [skill_id for skill_id in person.skills if skill_id in self.tools]
        for skill_id in self.tool_rng.sample(served, min(len(served), MAX_TOOLS)):
            tool = self.tool_for(skill_id, person.skills)
            if tool is not None and self.tool_rng.random() < TOOL_SHARE:
                self.hold(person, tool, person.skills[skill_id], False)

    def top_of(self, person: _Person) -> str:
        return person.row.department_id.split("-", 1)[0]

    def give_aspirations(self, person: _Person) -> None:
        rng = self.rng
        wanted = rng.choices((0, 1, 2, 3), weights=(15, 35, 35, 15))[0]
        known = list(person.skills)
        for _ in range(wanted * 3):
            if len(person.aspirations) >= wanted:
                break
            if rng.random() < 0.75 and known:
                candidates = [
                    (skill, weight)
                    for skill, weight in self.neighbours.get(rng.choice(known), [])
                    if skill not in person.skills
                ]
                if not candidates:
                    continue
                skill_id = _pick(rng, candidates)
            else:
                move = rng.choice(list(self.occupations.values()))
                skill_id = rng.choice(move.essential)
            if skill_id in person.skills or skill_id in person.aspirations:
                continue
            person.aspirations.add(skill_id)
            self.aspirants[skill_id].append(person)
            self.org.aspirations.append(
                AspirationRow(
                    person.row.id,
                    skill_id,
                    rng.choices((1, 2, 3), weights=(30, 40, 30))[0],
                    Visibility.PRIVATE if rng.random() < 0.1 else Visibility.MATCHING,
                )
            )

    def custom_skills(self) -> dict[str, list[str]]:
        by_department: dict[str, list[str]] = defaultdict(list)
        for id, label, aliases, broader, department in CUSTOM_SKILLS:
            broader_id = self.skill_index.resolve(broader) if broader else None
            self.org.custom_skills.append(CustomSkillRow(id, label, aliases, broader_id))
            by_department[department].append(id)
        return by_department

    # gigs and their history

    def gig_skills(self, gig_id: str, occupation: OccupationRow) -> list[GigSkillRow]:
        rng = self.rng
        rows = [
            GigSkillRow(gig_id, skill, rng.choice((2, 3, 3, 4)), Importance.REQUIRED)
            for skill in rng.sample(
                occupation.essential, min(len(occupation.essential), rng.randint(2, 4))
            )
        ]
        extras = rng.sample(occupation.optional, min(len(occupation.optional), rng.randint(0, 2)))
        rows += [GigSkillRow(gig_id, skill, 2, Importance.NICE_TO_HAVE) for skill in extras]
        for required in list(rows[: len(rows) - len(extras)]):
            tool = self.tool_for(required.skill_id, {row.skill_id for row in rows})
            if tool is not None and self.tool_rng.random() < TOOL_SHARE:
                rows.append(GigSkillRow(gig_id, tool, 2, Importance.NICE_TO_HAVE))
        if rng.random() < 0.3 and occupation.optional:
            skill = rng.choice(occupation.optional)
            if skill not in extras:
                rows.append(GigSkillRow(gig_id, skill, 1, Importance.LEARNABLE))
        return rows

    def candidates(self, skills: list[GigSkillRow], owner: _Person) -> list[_Person]:
        pool: list[_Person] = []
        for skill in skills:
            holders = self.skill_holders.get(skill.skill_id, [])
            pool.extend(self.rng.sample(holders, min(20, len(holders))))
            if skill.importance != "required":
                aspirants = self.aspirants.get(skill.skill_id, [])
                pool.extend(self.rng.sample(aspirants, min(10, len(aspirants))))
        pool = [p for p in pool if p is not owner and p.row.gig_capacity_pct > 0]
        if pool:
            return pool
        return [
            p for p in self.rng.sample(self.people, min(50, len(self.people))) if p is not owner
        ]

    def engage(
        self,
        gig: GigRow,
        skills: list[GigSkillRow],
        owner: _Person,
        status: str,
        end: datetime | None,
    ) -> None:
        rng = self.rng
        pool = self.candidates(skills, owner)
        chosen: list[_Person] = []
        for _ in range(gig.seats * 4):
            if len(chosen) == gig.seats:
                break
            person = rng.choice(pool)
            if all(person is not other for other in chosen):
                chosen.append(person)
        assert gig.filled_at is not None
        assert gig.start_date is not None
        for person in chosen:
            engagement_id = f"E{len(self.org.engagements) + 1:06d}"
            manager_id = person.row.manager_id
            published = gig.published_at or gig.filled_at
            requested = published + (gig.filled_at - published) * rng.uniform(0.3, 0.8)
            decided = requested + (gig.filled_at - requested) * rng.uniform(0.2, 0.9)
            started = _at(gig.start_date, 9)
            row = EngagementRow(
                id=engagement_id,
                gig_id=gig.id,
                person_id=person.row.id,
                status=EngagementStatus.COMPLETED
                if status == GigStatus.COMPLETED
                else EngagementStatus.ACTIVE,
                hours_per_week=gig.hours_per_week,
                started_at=started,
                approver_id=manager_id,
                approval_requested_at=requested if manager_id else None,
                approval_decided_at=decided if manager_id else None,
            )
            if status == "completed":
                rating = _pick(rng, RATINGS)
                worked = gig.hours_per_week * gig.duration_weeks * rng.uniform(0.75, 1.1)
                row = replace(
                    row,
                    completed_at=end,
                    hours_worked=round(worked, 1),
                    rating=rating,
                    feedback=rng.choice(FEEDBACK[rating]),
                )
                if rating >= 3:
                    self.demonstrate(engagement_id, person, skills, rating)
            self.org.engagements.append(row)

    def demonstrate(
        self, engagement_id: str, person: _Person, skills: list[GigSkillRow], rating: int
    ) -> None:
        for skill in skills:
            current = person.skills.get(skill.skill_id, 0)
            if current == 0 and skill.importance == "required":
                continue
            grew = rating >= 4 and self.rng.random() < 0.5
            level = min(5, max(current + (1 if grew else 0), skill.min_proficiency, 1))
            person.skills[skill.skill_id] = max(current, level)
            self.org.demonstrated_skills.append(
                DemonstratedSkillRow(engagement_id, skill.skill_id, level)
            )

    def historic_gig(self, number: int) -> None:
        rng, now = self.rng, _at(self.as_of, 9)
        top = _pick(rng, [(p.id, p.share) for p in DEPARTMENTS if self.managers.get(p.id)])
        profile = next(p for p in DEPARTMENTS if p.id == top)
        owner = rng.choice(self.managers[top])
        occupation = self.occupations[_pick(rng, list(profile.occupations))]
        gig_type = _pick(rng, GIG_TYPES)
        hours, weeks = {
            GigType.PROJECT: (rng.choice((4.0, 6.0, 8.0, 10.0)), rng.randint(4, 12)),
            GigType.MICRO_TASK: (rng.choice((2.0, 3.0, 4.0, 6.0)), rng.randint(1, 3)),
            GigType.MENTORSHIP: (rng.choice((1.0, 2.0)), rng.randint(8, 16)),
            GigType.SECONDMENT: (rng.choice((16.0, 20.0, 40.0)), rng.randint(12, 26)),
        }[gig_type]
        created = now - timedelta(days=rng.uniform(3, HISTORY_DAYS), hours=rng.uniform(0, 8))
        published = created + timedelta(days=rng.uniform(0.1, 4))
        filled = published + timedelta(days=rng.uniform(3, 21))
        start = (filled + timedelta(days=rng.randint(3, 14))).date()
        end = _at(start + timedelta(weeks=weeks), 17)
        roll = rng.random()
        status: GigStatus
        if roll < 0.03 and (now - created).days < 45:
            status = GigStatus.DRAFT
        elif roll < 0.10:
            status = GigStatus.CANCELLED
        elif filled > now:
            status = GigStatus.OPEN
        elif _at(start, 9) > now:
            status = GigStatus.FILLED
        elif end > now:
            status = GigStatus.IN_PROGRESS
        else:
            status = GigStatus.COMPLETED
        happened = {
            "published": status != "draft",
            "filled": status in {"filled", "in_progress", "completed"},
            "completed": status == "completed",
        }
        gig_id = f"G{number:06d}"
        quarter = f"Q{(created.month - 1) // 3 + 1} {created.year}"
        title = f"{rng.choice(HISTORIC_TITLES[top])} ({quarter})"
        gig = GigRow(
            id=gig_id,
            title=title,
            owner_id=owner.row.id,
            department_id=owner.row.department_id,
            type=gig_type,
            description=f"{title}: {profile.name} needs a {occupation.label} for {weeks} weeks.",
            hours_per_week=hours,
            duration_weeks=weeks,
            start_date=start,
            seats=rng.choice((1, 1, 1, 1, 2, 3)) if gig_type == "project" else 1,
            status=status,
            external_hourly_rate=float(rng.randrange(60, 141, 5)),
            created_at=created,
            published_at=published if happened["published"] else None,
            filled_at=filled if happened["filled"] else None,
            completed_at=end if happened["completed"] else None,
            location=owner.row.location,
            remote=number % 3 == 0,
        )
        skills = self.gig_skills(gig_id, occupation)
        self.org.gigs.append(gig)
        self.org.gig_skills.extend(skills)
        if happened["filled"]:
            self.engage(gig, skills, owner, status, end)

    def market_gigs(self) -> None:
        rng, now = self.rng, _at(self.as_of, 9)
        heads: dict[str, _Person] = {}
        for person in self.people:
            heads.setdefault(person.row.department_id, person)
        for number, spec in enumerate(MARKET_GIGS, start=1):
            owner = heads.get(spec.department_id) or self.people[0]
            created = now - timedelta(days=rng.uniform(2, 10))
            gig_id = f"G-M{number:02d}"
            start = self.as_of + timedelta(weeks=rng.randint(2, 5))
            self.org.gigs.append(
                GigRow(
                    id=gig_id,
                    title=spec.title,
                    owner_id=owner.row.id,
                    department_id=owner.row.department_id,
                    type=spec.type,
                    description=spec.description,
                    hours_per_week=spec.hours_per_week,
                    duration_weeks=spec.duration_weeks,
                    start_date=start,
                    seats=spec.seats,
                    status=GigStatus.OPEN,
                    external_hourly_rate=spec.external_hourly_rate,
                    created_at=created,
                    published_at=created + timedelta(hours=rng.uniform(2, 30)),
                    location=owner.row.location,
                    remote=number % 2 == 0,
                    application_deadline=start - timedelta(weeks=1),
                )
            )
            self.org.gig_skills.extend(
                GigSkillRow(gig_id, self.skill_index.resolve(label), minimum, importance)
                for label, minimum, importance in spec.skills
            )

    def run(self, headcount: int, gigs: int) -> OrgData:
        self.organisation(headcount)
        custom = self.custom_skills()
        for person in self.people:
            self.give_skills(person, custom)
        for person in self.people:
            self.give_aspirations(person)
        self.org.people = [person.row for person in self.people]
        for number in range(1, gigs + 1):
            self.historic_gig(number)
        self.market_gigs()
        return self.org


def default_gigs(people: int) -> int:
    """Historic gigs for an organisation of `people`: about one per ten people."""
    return max(40, people // 10)


def generate_org(
    taxonomy: TaxonomyData,
    people: int,
    gigs: int | None = None,
    seed: int = 7,
    as_of: date | None = None,
) -> OrgData:
    """`people` people, `gigs` historic gigs (default `default_gigs(people)`) plus the 25 market
    gigs; the same arguments give the same organisation."""
    if people < 1:
        raise ValueError("an organisation needs at least one person")
    if not taxonomy.occupations:
        raise ValueError("the taxonomy has no occupation profiles to draw people from")
    generator = _Generator(taxonomy, seed, as_of or datetime.now(UTC).date())
    with gc_paused():
        return generator.run(people, default_gigs(people) if gigs is None else gigs)
