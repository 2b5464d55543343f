"""What keeping holder digests costs a profile edit, on generated organisations of 10,000 and
100,000 people.

    python -m benchmarks.skill_edit [--people 10000 100000] [--runs 50]

Matching reads each skill's holders from its digest (`skills/refresh_holder_digests.cypher`),
which every write of `HAS_SKILL` writes again in its transaction. For the skill held by the most
people (the longest digest), one of median popularity and one held by a single person: p50 and
p95 of `setSkill` and then `removeSkill` through GraphQL (in process, the service's schema, the
person editing their own profile), next to the baseline, the same two edits' queries alone in a
write transaction each (`people/set_own_skill`, `people/remove_own_skill`) without the digest.
The people asked hold none of these skills, and each `removeSkill` undoes its `setSkill`.
"""

from __future__ import annotations

from benchmarks.common import load_average, print_section, run_per_size, time_interleaved
from benchmarks.in_process import SERVICE_SCHEMA, api_context
from graph.database import Database, Transaction

SET_SKILL = """
mutation ($skill: ID!) {
  edit: setSkill(input: {skillId: $skill, proficiency: 3}) { result { __typename } }
}
"""

REMOVE_SKILL = """
mutation ($skill: ID!) {
  edit: removeSkill(input: {skillId: $skill}) { result { __typename } }
}
"""


async def measure(db: Database, people: int, runs: int) -> None:
    subjects = (await db.read("skills/bench_edit_subjects", count=runs + 3))[0]
    editors = subjects["editors"]
    chosen = dict(zip(("most held", "median", "held once"), subjects["skills"], strict=True))

    for name, skill in chosen.items():
        print(f"  {name}: {skill['id']} ({skill['holders']:,} holders)")

        async def graphql_edit(i: int, skill_id: str = skill["id"]) -> None:
            context = api_context(db, editors[i], "employee")
            for mutation in (SET_SKILL, REMOVE_SKILL):
                result = await SERVICE_SCHEMA.execute(
                    mutation, variable_values={"skill": skill_id}, context_value=context
                )
                answer = result.data and result.data["edit"]["result"]["__typename"]
                if answer != "Person":
                    raise RuntimeError(f"{mutation.split()[3]} answered {answer}: {result.errors}")

        async def queries_alone(i: int, skill_id: str = skill["id"]) -> None:
            async def set_own(tx: Transaction) -> None:
                await tx.run(
                    "people/set_own_skill", person_id=editors[i], skill_id=skill_id, proficiency=3
                )

            async def remove_own(tx: Transaction) -> None:
                await tx.run("people/remove_own_skill", person_id=editors[i], skill_id=skill_id)

            await db.in_write_transaction(set_own)
            await db.in_write_transaction(remove_own)

        baseline, through_api = await time_interleaved(
            {
                "edit queries alone (no digest), set + remove": queries_alone,
                "setSkill + removeSkill, GraphQL": graphql_edit,
            },
            runs,
        )
        print_section(name, [baseline, through_api], baseline)
    print(f"  {load_average()}")


if __name__ == "__main__":
    run_per_size(__doc__ or "", measure)
