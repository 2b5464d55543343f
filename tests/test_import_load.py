"""An import full of unknown skills does not crawl: only the first unknown skills get a "did you
mean" search, and the API reports a capped list of problems."""

from __future__ import annotations

from itertools import product
from pathlib import Path
from string import ascii_lowercase

import httpx
import pytest

from graph.database import Database
from seed.org_import import MAX_SUGGESTIONS, ImportInvalid
from seed.pipeline import import_org_dir
from tests.support.api import auth
from tests.support.factories import OrgFactory

UNKNOWN = 300


def typos_of_python(count: int) -> list[str]:
    """`count` different unknown skills, each close enough to "Python" to be offered it."""
    return ["python" + "".join(letters) for letters in product(ascii_lowercase, repeat=2)][:count]


def export(unknown: int) -> dict[str, str]:
    return {
        "departments.csv": "id,name\nD1,Finance\n",
        "people.csv": "id,name,email,department_id\nP1,Ada,ada@example.org,D1\n",
        "person_skills.csv": "person_id,skill,proficiency\n"
        + "".join(f"P1,{name},3\n" for name in typos_of_python(unknown)),
    }


async def org(db: Database) -> None:
    await OrgFactory().skill("s-python", "Python").department("D1").person("ADMIN1", "D1").load(db)


async def test_the_api_reports_a_capped_list_of_problems(
    client: httpx.AsyncClient, db: Database
) -> None:
    await org(db)
    files = [{"name": name, "content": text} for name, text in export(UNKNOWN).items()]
    mutation = """mutation($files: [ImportFileInput!]!) { importOrg(input: {files: $files}) {
        result { __typename ... on ValidationError { message } } } }"""

    response = await client.post(
        "/graphql",
        json={"query": mutation, "variables": {"files": files}},
        headers=auth("ADMIN1", "admin"),
    )

    result = response.json()["data"]["importOrg"]["result"]
    assert result["__typename"] == "ValidationError"
    assert "and 280 more" in result["message"]


async def test_only_the_first_unknown_skills_get_a_suggestion(db: Database, tmp_path: Path) -> None:
    await org(db)
    for name, text in export(MAX_SUGGESTIONS + 10).items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    with pytest.raises(ImportInvalid) as raised:
        await import_org_dir(db, tmp_path)

    messages = [issue.message for issue in raised.value.issues]
    assert len(messages) == MAX_SUGGESTIONS + 10
    assert sum("did you mean 'Python'" in m for m in messages) == MAX_SUGGESTIONS
    last = typos_of_python(MAX_SUGGESTIONS + 10)[-1]
    assert messages[-1] == f"skill: skill {last!r} matches no skill"
