"""The networkx side of the collaboration metrics, on hand-built pairs (no database needed)."""

from __future__ import annotations

import networkx as nx
import pytest

from resolvers.collaboration import (
    EXACT_BETWEENNESS_LIMIT,
    Collaboration,
    brokers,
    collaboration_report,
    detected_communities,
    modularity,
    person_graph,
)


def pair(
    helper: str, helper_department: str, owner: str, owner_department: str, engagements: int = 1
) -> Collaboration:
    """`helper` worked on a gig `owner` runs for the owner's own department."""
    return Collaboration(
        helper_id=helper,
        helper_department_id=helper_department,
        owner_id=owner,
        owner_department_id=owner_department,
        gig_department_id=owner_department,
        engagements=engagements,
    )


def two_triangles(departments: dict[str, str]) -> list[Collaboration]:
    """Triangles A1-A2-A3 and B1-B2-B3 joined by the bridge A3-B3: m = 7, every degree 2 but
    A3's and B3's (3)."""
    edges = [("A1", "A2"), ("A2", "A3"), ("A1", "A3"), ("B1", "B2"), ("B2", "B3"), ("B1", "B3")]
    edges.append(("A3", "B3"))
    return [pair(h, departments[h], o, departments[o]) for h, o in edges]


def test_departments_that_match_the_communities_are_silos() -> None:
    departments = {p: p[0] for p in ("A1", "A2", "A3", "B1", "B2", "B3")}
    report = collaboration_report(two_triangles(departments), top=3)
    # Each triangle: 3/7 - (7/14)^2.
    assert report.community_modularity == pytest.approx(2 * (3 / 7 - 0.25))
    assert report.department_modularity == pytest.approx(report.community_modularity)
    assert report.silo_ratio == pytest.approx(1.0)
    assert report.communities == 2
    assert (report.engagements, report.cross_functional) == (7, 1)
    assert report.index == pytest.approx(1 / 7)
    assert report.department_density == pytest.approx(1.0)  # two departments, one link
    # A3 lies on the paths from A1 and A2 to the three Bs: 6 pairs, x 2 / (5 * 4); B3 likewise.
    assert [b.id for b in report.person_brokers] == ["A3", "B3"]
    assert [b.betweenness for b in report.person_brokers] == pytest.approx([0.6, 0.6])


def test_departments_cutting_across_the_communities_score_below_them() -> None:
    departments = {"A1": "X", "B1": "X", "A2": "Y", "B2": "Y", "A3": "Z", "B3": "Z"}
    report = collaboration_report(two_triangles(departments), top=3)
    # X and Y: no inner edge, degree 4 each; Z: the bridge, degree 6.
    expected = -2 * (4 / 14) ** 2 + (1 / 7 - (6 / 14) ** 2)
    assert report.department_modularity == pytest.approx(expected)
    assert report.silo_ratio < 0
    assert report.cross_functional == 6
    assert report.department_density == pytest.approx(1.0)  # X, Y, Z all linked
    assert [link.engagements for link in report.department_links] == [2, 2, 2]


def test_department_brokers_sit_between_other_departments() -> None:
    pairs = [pair("P1", "DATA", "P2", "ENG"), pair("P3", "ENG", "P4", "SALES", engagements=2)]
    report = collaboration_report(pairs, top=5)
    assert [(b.id, b.betweenness) for b in report.department_brokers] == [("ENG", 1.0)]
    assert report.department_density == pytest.approx(2 / 3)
    assert [(link.department_ids, link.engagements) for link in report.department_links] == [
        (("ENG", "SALES"), 2),
        (("DATA", "ENG"), 1),
    ]


def test_no_engagements_give_an_empty_report() -> None:
    report = collaboration_report([], top=5)
    assert (report.engagements, report.index, report.departments, report.people) == (0, 0.0, 0, 0)
    assert (report.department_modularity, report.community_modularity) == (0.0, 0.0)
    assert report.person_brokers == []


def test_someone_on_their_own_gig_is_no_collaboration_edge() -> None:
    graph = person_graph([pair("P1", "ENG", "P1", "ENG"), pair("P2", "ENG", "P1", "ENG", 3)])
    assert graph.number_of_edges() == 1
    assert graph["P1"]["P2"]["weight"] == 3


def test_large_graphs_estimate_betweenness_and_still_find_the_hub() -> None:
    leaves = EXACT_BETWEENNESS_LIMIT + 50
    graph = person_graph([pair(f"L{i}", "ENG", "HUB", "ENG") for i in range(leaves)])
    top = brokers(graph, top=1)
    assert [b.id for b in top] == ["HUB"]
    assert top[0].betweenness > 0.9


def test_only_own_gigs_give_people_but_no_communities_to_find() -> None:
    report = collaboration_report([pair("P1", "ENG", "P1", "ENG")], top=5)
    assert (report.people, report.communities, report.community_modularity) == (1, 1, 0.0)


def test_small_groups_are_communities_and_large_ones_are_searched_like_the_whole_graph() -> None:
    # Four 6-cliques in a ring (one component, 64 edges) and ten separate pairs: m = 74.
    graph = nx.relabel_nodes(nx.ring_of_cliques(4, 6), str)
    graph.add_edges_from((f"A{i}", f"B{i}") for i in range(10))
    nx.set_edge_attributes(graph, 1, "weight")
    found = detected_communities(graph)
    assert {"A0", "B0"} in found  # 1^2 < 2 * 74: a pair is one community, no search needed
    assert sorted(len(c) for c in found if len(c) > 2) == [6, 6, 6, 6]  # 64^2 > 148: Louvain
    whole = nx.community.louvain_communities(graph, weight="weight", seed=7)
    assert modularity(graph, found) == pytest.approx(modularity(graph, whole))
