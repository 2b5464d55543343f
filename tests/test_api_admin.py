"""Admins import a small HRIS export through the API; nobody else may."""

from __future__ import annotations

import httpx

from graph.database import Database
from tests.support.api import graphql
from tests.support.factories import OrgFactory

IMPORT = """
mutation ($files: [ImportFileInput!]!) {
  importOrg(input: {files: $files}) {
    result { __typename ... on ImportSummary { phases { phase rows } }
             ... on UserError { message } ... on ValidationError { field } }
  }
}
"""

DEPARTMENTS = "id,name,parent_id\nD2,Data,D1\n"
PEOPLE = "id,name,email,department_id,manager_id\nP2,Ada Lovelace,ada@example.org,D2,P1\n"


async def run_import(
    client: httpx.AsyncClient, files: dict[str, str], *roles: str
) -> dict[str, object]:
    variables = {"files": [{"name": name, "content": text} for name, text in files.items()]}
    body = await graphql(client, IMPORT, "P1", *roles, variables=variables)
    result: dict[str, object] = body["data"]["importOrg"]["result"]
    return result


async def test_an_admin_imports_departments_and_people(
    client: httpx.AsyncClient, db: Database
) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)

    result = await run_import(
        client, {"departments.csv": DEPARTMENTS, "people.csv": PEOPLE}, "admin"
    )

    assert result["__typename"] == "ImportSummary"
    rows = {phase["phase"]: phase["rows"] for phase in result["phases"]}  # type: ignore[attr-defined]
    assert (rows["departments"], rows["people"]) == (1, 1)
    body = await graphql(client, '{ person(id: "P2") { manager { id } department { id } } }', "P1")
    assert body["data"]["person"] == {"manager": {"id": "P1"}, "department": {"id": "D2"}}


async def test_an_invalid_export_names_file_and_line_and_writes_nothing(
    client: httpx.AsyncClient, db: Database
) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)
    bad_people = PEOPLE + "P3,Alan Turing,alan@example.org,D9,\n"

    invalid = await run_import(
        client, {"departments.csv": DEPARTMENTS, "people.csv": bad_people}, "admin"
    )
    unknown = await run_import(client, {"payroll.csv": "id\n1\n"}, "admin")

    assert invalid["__typename"] == "ValidationError"
    assert invalid["field"] == "files"
    assert "people.csv:3" in str(invalid["message"])
    assert (unknown["__typename"], unknown["field"]) == ("ValidationError", "files")
    body = await graphql(client, '{ person(id: "P2") { id } department(id: "D2") { id } }', "P1")
    assert body["data"] == {"person": None, "department": None}


async def test_only_admins_run_imports(client: httpx.AsyncClient, db: Database) -> None:
    await OrgFactory().department("D1").person("P1", "D1").load(db)

    by_employee = await run_import(client, {"departments.csv": DEPARTMENTS})
    by_hr = await run_import(client, {"departments.csv": DEPARTMENTS}, "hr")

    assert by_employee == {"__typename": "Forbidden", "message": "only admins may run imports"}
    assert by_hr["__typename"] == "Forbidden"
    body = await graphql(client, '{ department(id: "D2") { id } }', "P1")
    assert body["data"]["department"] is None
