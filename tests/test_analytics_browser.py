"""The Neo4j Browser guide and style the service serves, and that what they show runs."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import httpx
from neo4j import Record

from graph.database import Database
from seed.pipeline import seed_org
from service.browser_guide import SLIDES
from tests.support.analytics import build_org

BROWSER_ORIGIN = {"Origin": "http://127.0.0.1:7474"}
RUNNABLE = re.compile(r'<pre class="runnable">(.*?)</pre>', re.DOTALL)
PARAM = re.compile(r":param (\w+) => (.*)")


async def test_the_guide_is_served_to_browser_with_one_slide_per_topic(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/browser-guide", headers=BROWSER_ORIGIN)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["access-control-allow-origin"] == "*"  # Browser fetches it from JS
    page = response.text
    assert "<title>talentgraph: exploring the marketplace</title>" in page
    assert page.count("<slide ") == len(SLIDES)
    assert "cypher/analytics/skill_risk.cypher" in page
    assert ":style http://talentgraph/browser-guide/style.grass" in page


async def test_browser_s_preflight_for_the_guide_is_answered(client: httpx.AsyncClient) -> None:
    """Neo4j Browser fetches `:play` guides cross-origin with a preflight; without this answer
    it shows "No guide by that name"."""
    response = await client.options(
        "/browser-guide",
        headers={**BROWSER_ORIGIN, "Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "x-ajax-browser-auth"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]


async def test_the_style_captions_nodes_by_their_readable_property(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/browser-guide/style.grass", headers=BROWSER_ORIGIN)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    captions = dict(
        re.findall(r"node\.(\w+) \{[^}]*caption: \"\{(\w+)\}\"", response.text, re.DOTALL)
    )
    assert captions == {
        "Person": "name",
        "Skill": "label",
        "Gig": "title",
        "Department": "name",
        "Engagement": "status",
        "Application": "state",
        "AuditEvent": "action",
        "Notification": "kind",
        "Endorsement": "comment",
    }


async def browser_run(
    db: Database, commands: list[str], ids: dict[str, str] | None = None
) -> list[Record]:
    """Runs a slide's blocks as Neo4j Browser does: each `:param name => expression` is
    evaluated by the server (Browser sends `RETURN expression`), then the query with them.
    `ids` replaces the demo organisation's ids the examples name with this graph's."""
    params: dict[str, Any] = {}
    rows: list[Record] = []
    for command in commands:
        param = PARAM.fullmatch(command)
        if param:
            expression = param[2]
            for demo_id, own_id in (ids or {}).items():
                expression = expression.replace(f"'{demo_id}'", f"'{own_id}'")
            records, _, _ = await db.driver.execute_query("RETURN " + expression + " AS value")
            params[param[1]] = records[0]["value"]
        else:
            records, _, _ = await db.driver.execute_query(command, params)
            rows = records
    return rows


async def guide_results(
    db: Database, client: httpx.AsyncClient, ids: dict[str, str] | None = None
) -> dict[str, list[Record]]:
    """Every query of the guide run after its own example parameters, by slide title and
    block."""
    page = (await client.get("/browser-guide")).text
    slides = page.split("<slide ")[1:]
    results: dict[str, list[Record]] = {}
    for slide in slides:
        title = unescape(re.search(r"<h3>(.*?)</h3>", slide)[1])  # type: ignore[index]
        blocks = [unescape(block) for block in RUNNABLE.findall(slide)]
        queries = [b for b in blocks if not b.startswith(":")]
        assert queries, title
        # Each query runs after its own parameters: split the blocks at every query.
        start = 0
        for index, block in enumerate(blocks):
            if not block.startswith(":"):
                results[f"{title} #{index}"] = await browser_run(
                    db, [b for b in blocks[start : index + 1] if not b.startswith(":style")], ids
                )
                start = index + 1
    return results


async def test_every_query_of_the_guide_runs_with_its_example_parameters(
    db: Database, client: httpx.AsyncClient
) -> None:
    await build_org().load(db)
    # the examples name the demo organisation's Python and first market gig
    demo = {"ccd0a1d9-afda-43d9-b901-96344886e14d": "python", "G-M01": "G1"}
    results = await guide_results(db, client, demo)
    assert len(results) == sum(len(slide.queries) for slide in SLIDES)
    near = next(rows for key, rows in results.items() if key.startswith("Who is near"))
    people = {node["id"] for row in near for node in row["path"].nodes if "Person" in node.labels}
    assert people == {"M1", "E2", "B1"}  # python's holders; the graph has no neighbours for it


async def test_in_the_demo_organisation_every_slide_of_the_guide_returns_rows(
    db: Database, client: httpx.AsyncClient
) -> None:
    await seed_org(db, people=300, seed=7)
    results = await guide_results(db, client)
    assert [key for key, rows in results.items() if not rows] == []
