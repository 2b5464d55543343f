"""The demo organisation: deterministic, and believable to an HR person."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from functools import cache

import pytest

from seed.generate import generate_org
from seed.market_gigs import MARKET_GIGS
from seed.org import OrgData, TaxonomyData
from seed.taxonomy import read_taxonomy

AS_OF = date(2026, 11, 1)


@cache
def taxonomy() -> TaxonomyData:
    return read_taxonomy()


@cache
def organisation(people: int = 600, seed: int = 5) -> OrgData:
    return generate_org(taxonomy(), people, seed=seed, as_of=AS_OF)


def test_the_same_seed_gives_the_same_organisation_and_another_seed_another() -> None:
    again = generate_org(taxonomy(), 600, seed=5, as_of=AS_OF)
    assert again == organisation()
    other = generate_org(taxonomy(), 600, seed=6, as_of=AS_OF)
    assert [p.name for p in other.people] != [p.name for p in organisation().people]


def test_headcount_departments_and_one_reporting_tree() -> None:
    org = organisation()
    assert len(org.people) == 600
    assert len({p.email for p in org.people}) == 600
    managers = {p.id: p.manager_id for p in org.people}
    tops = [p for p in org.people if p.manager_id is None]
    assert [p.title for p in tops] == ["Chief Executive Officer"]
    for person_id in managers:  # every chain ends at the CEO
        seen, node = set(), person_id
        while managers[node] is not None:
            assert node not in seen
            seen.add(node)
            node = managers[node]  # type: ignore[assignment]
        assert node == tops[0].id
    spans = Counter(p.manager_id for p in org.people if p.manager_id not in {None, tops[0].id})
    assert max(spans.values()) <= 10  # the CEO's executive team aside
    sizes = Counter(p.department_id.split("-")[0] for p in org.people)
    assert sizes["ENG"] > sizes["HR"] > sizes["EXEC"] > 0
    assert any(d.parent_id for d in org.departments)


def test_people_have_their_occupations_skills_at_plausible_levels() -> None:
    tax, org = taxonomy(), organisation()
    labels = {s.id: s.label for s in tax.skills}
    analyst = next(p for p in org.people if p.title.endswith("Data Analyst"))
    profile = next(o for o in tax.occupations if o.label == "data analyst")
    theirs = [s for s in org.person_skills if s.person_id == analyst.id]
    in_profile = [s for s in theirs if s.skill_id in profile.essential + profile.optional]
    assert len(theirs) >= 8
    assert len(in_profile) >= 0.8 * len(theirs), [labels[s.skill_id] for s in theirs]
    levels = Counter(s.proficiency for s in org.person_skills)
    assert levels.most_common(1)[0][0] == 3
    assert set(levels) == {1, 2, 3, 4, 5}
    validated = sum(s.validated for s in org.person_skills) / len(org.person_skills)
    assert 0.15 < validated < 0.5
    assert len({p.gig_capacity_pct for p in org.people}) >= 5


def test_aspirations_are_mostly_adjacent_to_what_people_know() -> None:
    tax, org = taxonomy(), organisation()
    adjacent = {(r.skill_id, r.related_id) for r in tax.related}
    adjacent |= {(b, a) for a, b in adjacent}
    known: dict[str, set[str]] = {}
    for s in org.person_skills:
        known.setdefault(s.person_id, set()).add(s.skill_id)
    near = [
        a
        for a in org.aspirations
        if any((have, a.skill_id) in adjacent for have in known.get(a.person_id, ()))
    ]
    assert len(org.aspirations) > len(org.people)
    assert len(near) > 0.6 * len(org.aspirations)
    assert not any(a.skill_id in known.get(a.person_id, set()) for a in org.aspirations)


def test_history_spreads_over_eighteen_months_with_outcomes() -> None:
    org = organisation()
    statuses: Counter[str] = Counter(g.status for g in org.gigs)
    assert statuses["completed"] > statuses["in_progress"] > 0
    assert statuses["cancelled"] > 0
    created = [g.created_at.date() for g in org.gigs if g.created_at]
    assert min(created) < AS_OF - timedelta(days=450)
    for gig in org.gigs:
        moments = [gig.created_at, gig.published_at, gig.filled_at, gig.completed_at]
        present = [m for m in moments if m is not None]
        assert present == sorted(present), gig
        if gig.status == "completed":
            assert gig.filled_at is not None
            assert gig.completed_at is not None
    gigs = {g.id: g for g in org.gigs}
    managers = {p.id: p.manager_id for p in org.people}
    done = [e for e in org.engagements if e.status == "completed"]
    assert done
    for engagement in done:
        gig = gigs[engagement.gig_id]
        assert engagement.rating in {1, 2, 3, 4, 5}
        assert engagement.feedback
        assert (engagement.hours_worked or 0) > 0
        assert engagement.approver_id == managers[engagement.person_id]
        requested, decided = engagement.approval_requested_at, engagement.approval_decided_at
        assert gig.published_at is not None
        assert gig.filled_at is not None
        assert requested is not None
        assert decided is not None
        assert gig.published_at <= requested <= decided <= gig.filled_at
    demonstrated = {d.engagement_id for d in org.demonstrated_skills}
    assert demonstrated <= {e.id for e in done}
    assert len(demonstrated) > 0.6 * len(done)


def test_the_25_market_gigs_are_open_and_ask_for_real_taxonomy_skills() -> None:
    tax, org = taxonomy(), organisation()
    skill_ids = {s.id for s in tax.skills}
    market = [g for g in org.gigs if g.id.startswith("G-M")]
    assert [g.title for g in market] == [spec.title for spec in MARKET_GIGS]
    assert len(market) == 25
    assert all(g.status == "open" and g.published_at for g in market)
    asked = Counter(s.gig_id for s in org.gig_skills if s.gig_id.startswith("G-M"))
    assert all(asked[g.id] >= 3 for g in market)
    assert all(s.skill_id in skill_ids for s in org.gig_skills if s.gig_id.startswith("G-M"))


@pytest.mark.parametrize("people", [100, 1000])
def test_every_size_is_consistent(people: int) -> None:
    org = generate_org(taxonomy(), people, gigs=20, seed=1, as_of=AS_OF)
    person_ids = {p.id for p in org.people}
    department_ids = {d.id for d in org.departments}
    assert len(org.people) == people
    assert all(p.department_id in department_ids for p in org.people)
    assert all(g.owner_id in person_ids for g in org.gigs)
    assert len(org.gigs) == 20 + len(MARKET_GIGS)


def test_people_and_gigs_list_the_tools_their_skills_use() -> None:
    tax, org = taxonomy(), organisation(2000, 7)
    hot_tools = {s.id for s in tax.skills if s.type == "technology" and s.hot_technology}
    under = {(b.skill_id, b.broader_id) for b in tax.broader if b.skill_id in hot_tools}
    held: dict[str, dict[str, int]] = {}
    for row in org.person_skills:
        held.setdefault(row.person_id, {})[row.skill_id] = row.proficiency
    tools = [row for row in org.person_skills if row.skill_id in hot_tools]

    assert len({row.person_id for row in tools}) > 0.15 * len(org.people)
    assert all(not row.validated for row in tools)  # claimed: nobody has seen them at work yet
    for row in tools:  # each under a skill of theirs, at its level
        served = [s for s, level in held[row.person_id].items() if (row.skill_id, s) in under]
        assert row.proficiency in {held[row.person_id][s] for s in served}, row
    gig_tools = [row for row in org.gig_skills if row.skill_id in hot_tools]
    assert gig_tools
    assert {row.importance for row in gig_tools} == {"nice_to_have"}
