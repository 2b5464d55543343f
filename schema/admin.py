"""GraphQL fields for admins: importing a small HRIS export through the API."""

from __future__ import annotations

import strawberry

from resolvers import admin
from resolvers.context import Info
from schema.payloads import Payload, payload, payload_type
from seed.loader import PhaseResult


@strawberry.input(description="One file of an HRIS export, as `talentgraph import org` reads it.")
class ImportFileInput:
    name: str = strawberry.field(description="people.csv, departments.csv, person_skills.csv, …")
    content: str = strawberry.field(description="The CSV text, header first.")


@strawberry.type(description="How many rows one phase of an import wrote.")
class ImportPhase:
    phase: str
    rows: int


@strawberry.type
class ImportSummary:
    phases: list[ImportPhase]

    @classmethod
    def from_results(cls, results: list[PhaseResult]) -> ImportSummary:
        return cls(phases=[ImportPhase(phase=r.phase, rows=r.rows) for r in results])


ImportPayload = payload_type(ImportSummary, "Import")


@strawberry.type
class AdminMutation:
    @strawberry.mutation(
        graphql_type=ImportPayload,
        description="Admins: imports a small HRIS export (files validated in full first; "
        "problems come back as a ValidationError naming file and line).",
    )
    async def import_org(self, info: Info, files: list[ImportFileInput]) -> Payload[ImportSummary]:
        work = admin.import_org(info.context, {file.name: file.content for file in files})
        return await payload(work, ImportSummary.from_results)
