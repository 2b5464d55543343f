"""Many identical requests at once, as a double-clicking user or a retrying client sends them:
every MERGE on a natural key leaves one node or relationship (a uniqueness constraint backs each
node key), and every state change happens once, the others answered with a Conflict — never a
duplicate, never a 5xx or INTERNAL."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from graph.database import Database
from tests.support.api import auth
from tests.support.factories import OrgFactory
from tests.support.workflow import ACTION_MUTATIONS, drive, workflow_org

RACERS = 20
RESULT = "result { __typename ... on Conflict { currentState } }"


async def send(
    client: httpx.AsyncClient, who: str, query: str, *roles: str, **variables: Any
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=auth(who, *roles)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body["errors"]
    return body


async def race(
    client: httpx.AsyncClient, who: str, query: str, *roles: str, **variables: Any
) -> Counter[str]:
    """Sends the same mutation RACERS times at once; counts the result types."""
    bodies = await asyncio.gather(
        *(send(client, who, query, *roles, **variables) for _ in range(RACERS))
    )
    return Counter(next(iter(body["data"].values()))["result"]["__typename"] for body in bodies)


async def graph(db: Database) -> tuple[Counter[str], Counter[tuple[str, str, str]]]:
    """Nodes by label and relationships by (start id, type, end id)."""
    row = (await db.read("imports/graph_snapshot"))[0]
    nodes = Counter(labels[0] for labels, _ in row["nodes"])
    relationships = Counter((a, kind, b) for a, kind, b, _ in row["relationships"])
    return nodes, relationships


def helpers_org() -> OrgFactory:
    """ALICE and BOB both worked on G1 (completed engagements), so each may endorse the other."""
    return (
        workflow_org()
        .engagement("E-ALICE", "G1", "ALICE", status="completed")
        .engagement("E-BOB", "G1", "BOB", status="completed")
        .has_skill("BOB", "python", 3)
    )


async def test_concurrent_identical_endorsements_make_one(
    db: Database, client: httpx.AsyncClient
) -> None:
    await helpers_org().load(db)
    query = f"""mutation {{ endorseSkill(input: {{gigId: "G1", personId: "BOB",
        skillId: "python", comment: "ran the review"}}) {{ {RESULT} }} }}"""

    outcomes = await race(client, "ALICE", query)

    assert outcomes == Counter({"Endorsement": RACERS})
    nodes, _ = await graph(db)
    assert nodes["Endorsement"] == 1
    profile = await send(
        client, "BOB", '{ gigProfile(personId: "BOB") { endorsements { comment } } }'
    )
    assert profile["data"]["gigProfile"]["endorsements"] == [{"comment": "ran the review"}]


@pytest.mark.parametrize(
    ("mutation", "start", "kind", "end"),
    [
        pytest.param(
            'setSkill(input: {skillId: "sql", proficiency: 3})', "ALICE", "HAS_SKILL", "sql",
            id="setSkill",
        ),
        pytest.param(
            'setAspiration(input: {skillId: "dataviz", interest: 3})', "ALICE", "ASPIRES_TO",
            "dataviz", id="setAspiration",
        ),
    ],
)  # fmt: skip
async def test_concurrent_identical_profile_claims_make_one_relationship(
    db: Database, client: httpx.AsyncClient, mutation: str, start: str, kind: str, end: str
) -> None:
    await workflow_org().load(db)

    outcomes = await race(client, start, f"mutation {{ {mutation} {{ {RESULT} }} }}")

    assert outcomes == Counter({"Person": RACERS})
    _, relationships = await graph(db)
    assert relationships[(start, kind, end)] == 1


async def test_concurrent_identical_custom_skills_make_one(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    query = f"""mutation {{ upsertCustomSkill(input: {{id: "acme-ledger", label: "Acme Ledger"}})
        {{ {RESULT} }} }}"""

    outcomes = await race(client, "OWNER", query, "admin")

    assert set(outcomes) == {"Skill"}
    nodes, _ = await graph(db)
    assert nodes["Skill"] == 4


async def test_concurrent_gigs_with_one_id_make_one_and_conflicts(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    query = f"""mutation {{ createGig(input: {{id: "G-NEW", title: "Churn dashboard",
        type: PROJECT, departmentId: "GIG"}}) {{ {RESULT} }} }}"""

    outcomes = await race(client, "OWNER", query)

    assert outcomes == Counter({"Gig": 1, "Conflict": RACERS - 1})
    nodes, _ = await graph(db)
    assert nodes["Gig"] == 3


async def test_concurrent_applications_of_one_person_to_one_gig_make_one(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    query = f'mutation {{ applyToGig(input: {{gigId: "G1", note: "me"}}) {{ {RESULT} }} }}'

    outcomes = await race(client, "ALICE", query)

    assert outcomes == Counter({"Application": 1, "Conflict": RACERS - 1})
    _, relationships = await graph(db)
    assert sum(kind == "APPLIED" and start == "ALICE" for start, kind, _ in relationships) == 1


async def test_concurrent_identical_imports_make_each_node_once(
    db: Database, client: httpx.AsyncClient
) -> None:
    await OrgFactory().department("IT").person("ADMIN", "IT").load(db)
    files = [
        {"name": "departments.csv", "content": "id,name,parent_id\nD1,Finance,\nD2,Tax,D1\n"},
        {
            "name": "people.csv",
            "content": "id,name,email,department_id,manager_id\n"
            "P1,Ada,ada@example.org,D1,\nP2,Bob,bob@example.org,D2,P1\n",
        },
    ]
    query = """mutation($files: [ImportFileInput!]!) { importOrg(input: {files: $files}) {
        result { __typename } } }"""

    bodies = await asyncio.gather(
        *(send(client, "ADMIN", query, "admin", files=files) for _ in range(5))
    )

    assert {body["data"]["importOrg"]["result"]["__typename"] for body in bodies} == {
        "ImportSummary"
    }
    nodes, relationships = await graph(db)
    assert (nodes["Department"], nodes["Person"]) == (3, 3)
    assert relationships[("P2", "REPORTS_TO", "P1")] == 1
    assert relationships[("D2", "PART_OF", "D1")] == 1
    assert relationships[("P1", "MEMBER_OF", "D1")] == 1


async def test_concurrent_dataset_marks_make_one(db: Database) -> None:
    await asyncio.gather(
        *(
            db.write("imports/mark_dataset", id="generated-org", people=10, seed=7)
            for _ in range(10)
        )
    )
    nodes, _ = await graph(db)
    assert nodes["Dataset"] == 1


# State changes: the application's actions from the state each starts in, with who takes them.
APPLICATION_RACES = [
    ("accept_invitation", "invited", "ALICE"),
    ("decline_invitation", "invited", "ALICE"),
    ("shortlist", "submitted", "OWNER"),
    ("withdraw", "submitted", "ALICE"),
    ("reject", "submitted", "OWNER"),
    ("accept_offer", "offered", "ALICE"),
    ("decline_offer", "offered", "ALICE"),
]


@pytest.mark.parametrize(("action", "state", "who"), APPLICATION_RACES)
async def test_an_application_moves_once_however_many_ask_at_once(
    db: Database, client: httpx.AsyncClient, action: str, state: str, who: str
) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", state)
    field, extra = ACTION_MUTATIONS[action]  # type: ignore[index]
    arguments = f"applicationId: $id, {extra}" if extra else "applicationId: $id"
    query = f"mutation($id: ID!) {{ {field}(input: {{{arguments}}}) {{ {RESULT} }} }}"

    outcomes = await race(client, who, query, id=application_id)

    assert outcomes == Counter({"Application": 1, "Conflict": RACERS - 1})
    trail = await send(client, "OWNER", '{ auditTrail(gigId: "G1") { action } }', "hr")
    actions = Counter(event["action"] for event in trail["data"]["auditTrail"])
    assert all(count == 1 for count in actions.values()), actions


async def test_an_offer_is_made_once(db: Database, client: httpx.AsyncClient) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", "shortlisted")
    approve = f"""mutation($id: ID!) {{ decideApprovals(input: {{decisions: [{{applicationId: $id,
        approve: true}}]}}) {{ {RESULT} }} }}"""
    offer = f"mutation($id: ID!) {{ makeOffer(input: {{applicationId: $id}}) {{ {RESULT} }} }}"

    approvals = await race(client, "MANAGER", approve, id=application_id)
    offers = await race(client, "OWNER", offer, id=application_id)

    assert approvals == Counter({"ApprovalBatch": 1, "Conflict": RACERS - 1})
    assert offers == Counter({"Application": 1, "Conflict": RACERS - 1})


@pytest.mark.parametrize(
    ("mutation", "status"),
    [("publishGig", "draft"), ("cancelGig", "open")],
)
async def test_a_gig_moves_once_however_many_ask_at_once(
    db: Database, client: httpx.AsyncClient, mutation: str, status: str
) -> None:
    await (
        workflow_org()
        .gig("G-RACE", "OWNER", "GIG", status=status)
        .requires("G-RACE", "python", 3)
        .load(db)
    )
    query = f'mutation {{ {mutation}(input: {{id: "G-RACE"}}) {{ {RESULT} }} }}'

    outcomes = await race(client, "OWNER", query)

    assert outcomes == Counter({"Gig": 1, "Conflict": RACERS - 1})


@pytest.mark.parametrize(
    "mutation",
    [
        """completeEngagement(input: {engagementId: $id, hoursWorked: 20, rating: 5,
            feedback: "great"})""",
        'cancelEngagement(input: {engagementId: $id, reason: "priorities changed"})',
    ],
    ids=["completeEngagement", "cancelEngagement"],
)
async def test_an_engagement_ends_once_however_many_ask_at_once(
    db: Database, client: httpx.AsyncClient, mutation: str
) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", "accepted")
    application = await send(
        client, "ALICE", "query($id: ID!) { application(id: $id) { engagement { id } } }",
        id=application_id,
    )  # fmt: skip
    engagement_id = application["data"]["application"]["engagement"]["id"]

    outcomes = await race(
        client, "OWNER", f"mutation($id: ID!) {{ {mutation} {{ {RESULT} }} }}", id=engagement_id
    )

    assert outcomes == Counter({"Engagement": 1, "Conflict": RACERS - 1})
    status = await send(
        client, "ALICE", "query($id: ID!) { application(id: $id) { engagement { status } } }",
        id=application_id,
    )  # fmt: skip
    assert status["data"]["application"]["engagement"]["status"] in {"COMPLETED", "CANCELLED"}


async def test_overdue_approvals_are_processed_once(
    db: Database, client: httpx.AsyncClient
) -> None:
    await workflow_org().load(db)
    application_id = await drive(db, "ALICE", "G1", "shortlisted")
    await db.write(
        "workflow/update_applications",
        rows=[
            {
                "id": application_id,
                "changes": {"approval_requested_at": datetime(2020, 1, 1, tzinfo=UTC)},
            }
        ],
        now=datetime(2020, 1, 1, tzinfo=UTC),
    )
    query = "mutation { processOverdueApprovals { result { __typename } } }"

    await asyncio.gather(*(send(client, "HR", query, "hr") for _ in range(10)))

    trail = await send(client, "ALICE", '{ auditTrail(personId: "ALICE") { action } }', "hr")
    actions = Counter(event["action"] for event in trail["data"]["auditTrail"])
    assert all(count == 1 for count in actions.values()), actions
