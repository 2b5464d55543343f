"""The one way talentgraph talks to Neo4j.

`Database` wraps the official async driver: reads run as read transactions and writes as write
transactions (so a `neo4j://` cluster spreads reads over followers), each by the name of a Cypher
file. Driver errors become the `graph.errors` hierarchy here and nowhere else.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.errors import ConstraintViolation, DatabaseUnavailable, QueryError
from graph.queries import cypher

Row = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class ConnectionInfo:
    uri: str
    user: str
    password: str
    database: str = "neo4j"
    max_retry_s: float = 15.0


@dataclass
class QueryLog:
    """Counts the queries sent, by name; the API keeps one per request to prove batching. A count
    per name (not a list) keeps a long-lived subscription's log from growing with every poll."""

    counts: Counter[str] = field(default_factory=Counter)

    def record(self, name: str) -> None:
        self.counts[name] += 1

    @property
    def total(self) -> int:
        return self.counts.total()


@asynccontextmanager
async def translated_errors() -> AsyncIterator[None]:
    """Turns driver exceptions into talentgraph errors."""
    try:
        yield
    except neo4j_errors.ConstraintError as error:
        raise ConstraintViolation(error.message or "constraint violated") from error
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
        raise DatabaseUnavailable(f"Neo4j is not reachable: {error}") from error
    except neo4j_errors.AuthError as error:
        raise DatabaseUnavailable(f"Neo4j refused the credentials: {error.message}") from error
    except neo4j_errors.ClientError as error:
        raise QueryError(f"{error.code}: {error.message}") from error
    except OSError as error:
        raise DatabaseUnavailable(f"Neo4j is not reachable: {error}") from error


def quiet_expected_retries() -> None:
    """Silences the driver's warning on each retried transaction. Concurrent import batches and
    concurrent accepts deadlock now and then by design; the driver retries them, and a warning
    per retry would read like a failure to the person running an import."""
    logging.getLogger("neo4j.session").setLevel(logging.ERROR)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A record value as `Record.data()` gives it: a node becomes the map of its properties, a
    relationship (start, type, end), a path the list of its nodes and relationship types; maps
    and lists are converted inside; anything else (temporal and spatial values) is kept. Exact
    type tests come first: maps, lists and scalars are nearly everything our queries return, and
    `Record.data()` tests each value against several abstract classes, which cost more than the
    rest of the conversion."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is list:
        return [plain(item) for item in value]
    if isinstance(value, Node):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Relationship):
        return (plain(value.start_node), type(value).__name__, plain(value.end_node))
    if isinstance(value, Path):
        steps: list[Any] = [plain(value.start_node)]
        for relationship, node in zip(value.relationships, value.nodes[1:], strict=True):
            steps += [type(relationship).__name__, plain(node)]
        return steps
    return value


def record_data(record: neo4j.Record) -> Row:
    return {key: plain(value) for key, value in zip(record.keys(), record.values(), strict=True)}


class Transaction:
    """A transaction in progress; every `run` belongs to it, so a mutation is all or nothing."""

    def __init__(self, tx: AsyncManagedTransaction, log: QueryLog | None) -> None:
        self._tx = tx
        self._log = log

    async def run(self, name: str, **params: Any) -> list[Row]:
        if self._log is not None:
            self._log.record(name)
        result = await self._tx.run(cypher(name), params)
        return [record_data(record) async for record in result]


class Database:
    """A driver plus the database name; one per process, opened and closed by its owner."""

    def __init__(self, driver: AsyncDriver, database: str, log: QueryLog | None = None) -> None:
        self.driver = driver
        self.database = database
        self.log = log

    @classmethod
    def connect(cls, info: ConnectionInfo) -> Database:
        driver = AsyncGraphDatabase.driver(
            info.uri,
            auth=(info.user, info.password),
            max_connection_pool_size=64,
            connection_acquisition_timeout=30.0,
            max_transaction_retry_time=info.max_retry_s,
            # Queries name labels and properties that an empty or young graph may not have yet;
            # Neo4j's "does not exist" notices about them are noise in the service's log.
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
        return cls(driver, info.database)

    def with_log(self, log: QueryLog) -> Database:
        """The same driver, counting queries into `log` (one per request)."""
        return Database(self.driver, self.database, log)

    async def close(self) -> None:
        await self.driver.close()

    async def verify(self) -> None:
        async with translated_errors():
            await self.driver.verify_connectivity()

    async def read(self, name: str, **params: Any) -> list[Row]:
        return await self._execute(name, params, neo4j.RoutingControl.READ)

    async def write(self, name: str, **params: Any) -> list[Row]:
        return await self._execute(name, params, neo4j.RoutingControl.WRITE)

    async def write_in_batches(self, name: str, **params: Any) -> list[Row]:
        """Runs a query that commits in batches itself (`CALL { ... } IN TRANSACTIONS`), which
        Neo4j only accepts outside an explicit transaction."""
        if self.log is not None:
            self.log.record(name)
        async with translated_errors(), self.driver.session(database=self.database) as session:
            result = await session.run(cypher(name), params)
            return [record_data(record) async for record in result]

    async def _execute(
        self, name: str, params: dict[str, Any], routing: neo4j.RoutingControl
    ) -> list[Row]:
        if self.log is not None:
            self.log.record(name)
        async with translated_errors():
            records, _, _ = await self.driver.execute_query(
                cypher(name), params, database_=self.database, routing_=routing
            )
        return [record_data(record) for record in records]

    async def in_write_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction, retried by the driver on transient errors
        (deadlocks between concurrent writers), rolled back whole if `work` raises."""

        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Transaction(tx, self.log))

        async with translated_errors(), self.driver.session(database=self.database) as session:
            return await session.execute_write(unit)
