"""Cross-functional collaboration, computed with networkx from the pairs Cypher returns.

Pure functions over `Collaboration` rows (one per helper -> gig owner pair, see
`cypher/analytics/collaboration_edges.cypher`), so they are unit-tested without a database:

- the collaboration index: the share of engagements whose helper is in another department than
  the gig;
- the department graph (an edge where people of one department worked on another's gigs): its
  density and the departments that broker most between others (betweenness);
- the person graph (helper -- owner): the modularity of the department partition against the
  modularity of the communities Louvain finds. When departments score close to the detected
  communities, collaboration stays inside departments: the silos hold. Well below, people
  collaborate along lines the organisation chart does not draw. Its brokers are the people with
  the highest betweenness.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

EXACT_BETWEENNESS_LIMIT = 500
"""In a component larger than this, betweenness is estimated from `BETWEENNESS_SAMPLES` pivots."""
BETWEENNESS_SAMPLES = 32
SEED = 7


@dataclass(frozen=True)
class Collaboration:
    """Engagements in which `helper` worked on gigs of `owner`, by id."""

    helper_id: str
    helper_department_id: str
    owner_id: str
    owner_department_id: str
    gig_department_id: str
    engagements: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Collaboration:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Broker:
    """A person or department by id (the caller looks up names for the few it shows)."""

    id: str
    betweenness: float


@dataclass(frozen=True)
class DepartmentLink:
    """Engagements between two departments, in either direction."""

    department_ids: tuple[str, str]
    engagements: int


@dataclass(frozen=True)
class CollaborationReport:
    engagements: int
    cross_functional: int
    departments: int
    department_links: list[DepartmentLink]
    department_density: float
    department_brokers: list[Broker]
    people: int
    department_modularity: float
    community_modularity: float
    communities: int
    person_brokers: list[Broker]

    @property
    def index(self) -> float:
        """The share of engagements that crossed departments."""
        return self.cross_functional / self.engagements if self.engagements else 0.0

    @property
    def silo_ratio(self) -> float:
        """Department modularity over detected-community modularity: 1 when departments are
        exactly the communities people work in, near 0 when they say nothing about them."""
        if self.community_modularity <= 0:
            return 0.0
        return self.department_modularity / self.community_modularity


def department_graph(pairs: Iterable[Collaboration]) -> nx.Graph:
    """Departments (helper's and gig's) linked by the engagements that crossed between them."""
    graph = nx.Graph()
    for pair in pairs:
        graph.add_nodes_from((pair.helper_department_id, pair.gig_department_id))
        if pair.helper_department_id != pair.gig_department_id:
            _add_weight(graph, pair.helper_department_id, pair.gig_department_id, pair.engagements)
    return graph


def person_graph(pairs: Iterable[Collaboration]) -> nx.Graph:
    """People linked to the owners of the gigs they worked on; each knows their department."""
    graph = nx.Graph()
    for pair in pairs:
        graph.add_node(pair.helper_id, department=pair.helper_department_id)
        graph.add_node(pair.owner_id, department=pair.owner_department_id)
        if pair.helper_id != pair.owner_id:
            _add_weight(graph, pair.helper_id, pair.owner_id, pair.engagements)
    return graph


def _add_weight(graph: nx.Graph, a: str, b: str, weight: int) -> None:
    if graph.has_edge(a, b):
        graph[a][b]["weight"] += weight
    else:
        graph.add_edge(a, b, weight=weight)


def partition_by(graph: nx.Graph, attribute: str) -> list[set[str]]:
    """The nodes grouped by the value of one of their attributes."""
    groups: dict[Any, set[str]] = {}
    for node, value in graph.nodes(data=attribute):
        groups.setdefault(value, set()).add(node)
    return list(groups.values())


def modularity(graph: nx.Graph, communities: Sequence[set[str]]) -> float:
    """Weighted modularity of a partition; 0 for a graph without edges."""
    if graph.number_of_edges() == 0:
        return 0.0
    return float(nx.community.modularity(graph, communities, weight="weight"))


def detected_communities(graph: nx.Graph) -> list[set[str]]:
    """The communities of highest modularity Louvain finds (seeded: the same graph gives the same
    answer), component by component, as merging parts of different components always lowers
    modularity. Restricted to a component of edge weight w in a graph of weight m, modularity is
    the component's own at resolution w / m, which is what Louvain optimises there. A component
    with w^2 < 2m is one community without a search: splitting it along a cut of weight k >= 1
    loses k/m and gains at most w^2 / 2m^2. Collaboration graphs are mostly such small groups
    around gig owners, so this spares Louvain nearly all of its work on them (and the components'
    weights are added up in one pass over the edges, not one subgraph each)."""
    total = graph.size(weight="weight")
    if total == 0:
        return [{node} for node in graph]
    components = list(nx.connected_components(graph))
    index = {node: i for i, component in enumerate(components) for node in component}
    weights = [0.0] * len(components)
    for a, _, weight in graph.edges(data="weight", default=1):
        weights[index[a]] += weight
    communities: list[set[str]] = []
    for component, weight in zip(components, weights, strict=True):
        if weight * weight < 2 * total:
            communities.append(component)
        else:
            found = nx.community.louvain_communities(
                graph.subgraph(component), weight="weight", resolution=weight / total, seed=SEED
            )
            communities.extend(set(community) for community in found)
    return communities


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness (hops, unweighted) of the nodes that lie between others, computed
    component by component, as shortest paths never leave one: exact in components of up to
    `EXACT_BETWEENNESS_LIMIT` nodes, estimated from `BETWEENNESS_SAMPLES` seeded pivots in
    larger ones. The same values as networkx's on the whole graph, at a fraction of the cost
    on the many small components a collaboration graph has. Each component is copied out of the
    graph first: networkx walks a copy several times faster than a subgraph view, whose every
    step filters the whole graph's adjacency."""
    nodes = graph.number_of_nodes()
    if nodes < 3:
        return {}
    scale = 2 / ((nodes - 1) * (nodes - 2))
    scores: dict[str, float] = {}
    for component in nx.connected_components(graph):
        if len(component) < 3:
            continue
        sample = BETWEENNESS_SAMPLES if len(component) > EXACT_BETWEENNESS_LIMIT else None
        pairs = nx.betweenness_centrality(
            graph.subgraph(component).copy(), k=sample, normalized=False, seed=SEED
        )
        scores.update((node, value * scale) for node, value in pairs.items() if value > 0)
    return scores


def brokers(graph: nx.Graph, top: int) -> list[Broker]:
    """The `top` nodes by betweenness, ties by id."""
    ranked = sorted(betweenness(graph).items(), key=lambda item: (-item[1], item[0]))
    return [Broker(node, score) for node, score in ranked[:top]]


def collaboration_report(pairs: Sequence[Collaboration], top: int) -> CollaborationReport:
    """Everything the dashboard shows about collaboration, from the engagement pairs."""
    departments = department_graph(pairs)
    people = person_graph(pairs)
    communities = detected_communities(people)
    links = sorted(
        (
            DepartmentLink((min(a, b), max(a, b)), weight)
            for a, b, weight in departments.edges(data="weight")
        ),
        key=lambda link: (-link.engagements, link.department_ids),
    )
    return CollaborationReport(
        engagements=sum(pair.engagements for pair in pairs),
        cross_functional=sum(
            pair.engagements
            for pair in pairs
            if pair.helper_department_id != pair.gig_department_id
        ),
        departments=departments.number_of_nodes(),
        department_links=links,
        department_density=float(nx.density(departments)),
        department_brokers=brokers(departments, top),
        people=people.number_of_nodes(),
        department_modularity=modularity(people, partition_by(people, "department")),
        community_modularity=modularity(people, communities),
        communities=len(communities),
        person_brokers=brokers(people, top),
    )
