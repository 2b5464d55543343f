"""The users of `benchmarks.load_mix`, driven by locust as a library (headless, bounded in time).

    python -m benchmarks.load_users PLAN.json USERS SECONDS

Runs in its own process because locust patches the standard library for gevent on import, which
the asyncio code of the other benchmarks must not see. `PLAN.json` (written by load_mix) holds the
host (loopback), a token per person and the gigs to use; prints one JSON line of figures.

Each user is one employee with their own token and does what a person on the marketplace does,
with a think time of 0.1-0.5 s between steps: browse the directory (weight 4), browse open gigs
and open one (3), look at gigs recommended for them (2), apply to a gig and withdraw again (1),
look at the approvals waiting for them (1). A response counts as an error when it is not 200 or
has GraphQL `errors` (counted by code and path); a typed result such as a Conflict is an
answer, not an error.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from itertools import count
from typing import Any

import gevent
from locust import HttpUser, between, task
from locust.env import Environment

PEOPLE_PAGE = """query($after: String) { people(first: 20, after: $after) {
  edges { node { id name title department { name } skills { proficiency skill { label } } } }
  pageInfo { endCursor } } }"""
GIGS_PAGE = """{ gigs(first: 20, filter: {statuses: [OPEN]}) {
  edges { node { id title hoursPerWeek owner { name } } } } }"""
GIG = """query($id: ID!) { gig(id: $id) { id title description status seats
  skills { importance minProficiency skill { label } } } }"""
RECOMMENDED = """query($id: ID!) { recommendGigs(personId: $id, first: 10) {
  score gig { id title } } }"""
APPLY = """mutation($gig: ID!) { applyToGig(input: {gigId: $gig, note: "load test"}) {
  result { __typename ... on Application { id } } } }"""
WITHDRAW = """mutation($id: ID!) {
  withdrawApplication(input: {applicationId: $id, reason: "load test"}) {
  result { __typename } } }"""
APPROVALS = "{ pendingApprovals { id state person { name } gig { title } } }"

PLAN: dict[str, Any] = {}
_people = count()


class Employee(HttpUser):
    wait_time = between(0.1, 0.5)

    def on_start(self) -> None:
        me = PLAN["people"][next(_people) % len(PLAN["people"])]
        self.person: str = me["id"]
        self.headers = {"Authorization": f"Bearer {me['token']}"}
        self.cursor: str | None = None

    def ask(self, name: str, query: str, **variables: Any) -> dict[str, Any] | None:
        with self.client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers=self.headers,
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code == 0:  # no answer: the connection failed or was closed
                response.failure(f"no response: {response.error!r}"[:200])
                return None
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
                return None
            body: dict[str, Any] = response.json()
            if body.get("errors"):  # by code and path, so that locust counts each kind
                response.failure(
                    "; ".join(
                        f"{(error.get('extensions') or {}).get('code')} at {error.get('path')}"
                        for error in body["errors"]
                    )[:200]
                )
                return None
            data: dict[str, Any] = body["data"]
            return data

    @task(4)
    def directory(self) -> None:
        data = self.ask("directory", PEOPLE_PAGE, after=self.cursor)
        if data:
            self.cursor = data["people"]["pageInfo"]["endCursor"]

    @task(3)
    def gig_pages(self) -> None:
        data = self.ask("gigs page", GIGS_PAGE)
        gigs = [edge["node"]["id"] for edge in (data or {}).get("gigs", {}).get("edges", [])]
        self.ask("gig", GIG, id=random.choice(gigs or PLAN["gigs"]))

    @task(2)
    def matching(self) -> None:
        self.ask("recommended gigs", RECOMMENDED, id=self.person)

    @task(1)
    def application(self) -> None:
        data = self.ask("apply", APPLY, gig=random.choice(PLAN["apply_gigs"]))
        result = (data or {}).get("applyToGig", {}).get("result", {})
        if result.get("__typename") == "Application":
            self.ask("withdraw", WITHDRAW, id=result["id"])

    @task(1)
    def approvals(self) -> None:
        self.ask("approvals", APPROVALS)


def run(users: int, seconds: float) -> dict[str, Any]:
    environment = Environment(user_classes=[Employee], host=PLAN["host"])
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(min(5.0, seconds / 4))  # everyone spawned and warm
    environment.stats.reset_all()
    began = time.monotonic()
    gevent.sleep(seconds)
    elapsed = time.monotonic() - began
    total = environment.stats.total
    figures = {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests": total.num_requests,
        "failures": total.num_failures,
        "throughput": total.num_requests / elapsed,
        "p50": total.get_response_time_percentile(0.5),
        "p95": total.get_response_time_percentile(0.95),
        "p99": total.get_response_time_percentile(0.99),
        "load_1min": os.getloadavg()[0],
        "errors": sorted(
            (
                (error.occurrences, f"{error.name}: {error.error}"[:200])
                for error in environment.stats.errors.values()
            ),
            reverse=True,
        )[:8],
        "by_name": {
            name: {
                "requests": entry.num_requests,
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
            }
            for (name, _), entry in environment.stats.entries.items()
        },
    }
    runner.quit()
    return figures


def main() -> None:
    plan_file, users, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    with open(plan_file) as handle:
        PLAN.update(json.load(handle))
    if not PLAN["host"].startswith("http://127.0.0.1:"):
        raise SystemExit("load_users only sends traffic to 127.0.0.1")
    print(json.dumps(run(users, seconds)))


if __name__ == "__main__":
    main()
