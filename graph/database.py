"""The one way talentgraph talks to Neo4j.

`Database` wraps the official async driver: reads run as read transactions and writes as write
transactions (so a `neo4j://` cluster spreads reads over followers), each by the name of a Cypher
file, each timed into `graph.metrics.CYPHER_SECONDS`. Every session of a process shares the
driver's bookmark manager, so on a cluster a read always sees the writes this process made before
it (causal consistency). Driver errors become the `graph.errors` hierarchy here and nowhere else.

Failures are told apart (`Deadlines`): contention between writers (a deadlock, a lock timeout) is
retried with a short backoff, since the next attempt will likely succeed; a database that does not
answer is tried once more at once (a pooled connection may have died with a restart, a fresh one
may not) and then reported, so a caller learns of an outage in a connect timeout, not after the
driver's half a minute of backoff, and the first request after the database is back succeeds.
With `Deadlines.outage_probe_s` (the service's), a database found unreachable is an `Outage`
until it answers again: requests are refused at once instead of each waiting on it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncTransaction
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.errors import ConstraintViolation, DatabaseUnavailable, QueryError, TalentGraphError
from graph.metrics import CYPHER_ERRORS, CYPHER_SECONDS
from graph.queries import cypher

Row = dict[str, Any]
T = TypeVar("T")
POOL_SIZE = 64  # connections the driver opens to one server at most


@dataclass(frozen=True)
class ConnectionInfo:
    uri: str
    user: str
    password: str
    database: str = "neo4j"
    max_retry_s: float = 15.0
    """How long contention (deadlocks between concurrent writers) is retried."""


@dataclass(frozen=True)
class Deadlines:
    """How long each step of talking to Neo4j may take. The CLI and the benchmarks keep the
    defaults (a bulk import may run long); the service bounds every step (`service_deadlines`)."""

    connect_s: float = 30.0
    """Opening a connection (TCP and the Bolt handshake)."""
    acquisition_s: float = 60.0
    """Getting a connection from the pool, a new one included."""
    transaction_s: float | None = None
    """A transaction's whole life on the server; None: the server's own limit."""
    liveness_check_s: float | None = None
    """A pooled connection idle for longer is checked before use, so the connections that died
    with a restart of Neo4j are found and replaced instead of failing the first requests after
    it; None: never checked."""
    outage_probe_s: float | None = None
    """Once Neo4j is found unreachable, how often it is asked whether it answers again, while
    every transaction is refused at once (`Outage`); None: each transaction tries on its own."""


log = logging.getLogger(__name__)


class Outage:
    """Neo4j found unreachable, until a probe's read answers again. Meanwhile transactions are
    refused at once: a stopped server would cost each one a connect timeout, and a starting one
    accepts connections but holds their transactions until its database is up, past their
    deadlines, so the requests sent just before it came back would answer last, many seconds
    after it did. The probe asks every `interval_s`, each try bounded by the driver's deadlines
    (connecting, the transaction's): a Neo4j that is still starting answers slowly, not never."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self._watch: asyncio.Task[None] | None = None

    @property
    def ongoing(self) -> bool:
        return self._watch is not None

    def begin(self, probe: Callable[[], Awaitable[object]], reason: Exception) -> None:
        if self._watch is None:
            log.warning("Neo4j is unreachable (%s): refusing transactions until it answers", reason)
            self._watch = asyncio.create_task(self._until_answered(probe))

    async def _until_answered(self, probe: Callable[[], Awaitable[object]]) -> None:
        began = time.monotonic()
        try:
            while True:
                await asyncio.sleep(self.interval_s)
                try:
                    await probe()
                    break
                except Exception:  # whatever a try meets, the outage goes on
                    continue
            log.info("Neo4j answers again after %.1f s", time.monotonic() - began)
        finally:
            self._watch = None  # also when cancelled: an outage never outlives its probe

    async def end(self) -> None:
        """Stops the probe (the driver is closing)."""
        if self._watch is not None:
            self._watch.cancel()
            await asyncio.gather(self._watch, return_exceptions=True)
            self._watch = None


_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.DatabaseUnavailable,
    neo4j_errors.NotALeader,
    neo4j_errors.ForbiddenOnReadOnlyDatabase,
)
_TIMED_OUT = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
        "Neo.TransientError.Transaction.LockClientStopped",
    }
)


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
    except _UNAVAILABLE as error:
        raise DatabaseUnavailable(f"Neo4j is not reachable: {error}") from error
    except neo4j_errors.AuthError as error:
        raise DatabaseUnavailable(f"Neo4j refused the credentials: {error.message}") from error
    except neo4j_errors.ConnectionAcquisitionTimeoutError as error:
        # every pooled connection stayed busy (more requests at once than the pool serves)
        raise DatabaseUnavailable(f"Neo4j is busy: {error}") from error
    except neo4j_errors.Neo4jError as error:
        if error.code in _TIMED_OUT:
            raise DatabaseUnavailable(f"Neo4j did not answer in time: {error.message}") from error
        if isinstance(error, neo4j_errors.TransientError):
            raise DatabaseUnavailable(f"Neo4j is busy: {error.code}") from error
        raise QueryError(f"{error.code}: {error.message}") from error
    except OSError as error:
        raise DatabaseUnavailable(f"Neo4j is not reachable: {error}") from error


@asynccontextmanager
async def timed(name: str) -> AsyncIterator[None]:
    """Runs one query of file `name`: timed into the metrics, its driver errors translated."""
    began = time.perf_counter()
    try:
        async with translated_errors():
            yield
    except TalentGraphError as error:
        CYPHER_ERRORS.labels(name, type(error).__name__).inc()
        raise
    finally:
        CYPHER_SECONDS.labels(name).observe(time.perf_counter() - began)


def quiet_expected_retries() -> None:
    """Silences the driver's warning on each retried transaction. Concurrent import batches and
    concurrent accepts deadlock now and then by design; they are retried, and a warning per retry
    would read like a failure to the person running an import."""
    logging.getLogger("neo4j.session").setLevel(logging.ERROR)


def _contention(error: Exception) -> bool:
    """A conflict between concurrent transactions that a later attempt will likely not meet."""
    return (
        isinstance(error, neo4j_errors.TransientError)
        and not isinstance(error, _UNAVAILABLE)
        and error.code not in _TIMED_OUT
    )


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A record value as `Record.data()` gives it: a node becomes the map of its properties, a
    relationship (start, type, end), a path the list of its nodes and relationship types; maps
    and lists are converted inside; anything else (temporal and spatial values) is kept. Exact
    type tests come first: maps, lists and scalars are nearly everything our queries return, and
    `Record.data()` tests each value against several abstract classes, which cost more than the
    rest of the conversion; scalars inside maps and lists are kept without a call each (a pulse
    result's tallies are tens of thousands of them). Maps and lists are converted in place: the
    driver made them for this record alone, and a page's thousands of them are not copied."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        for key, item in value.items():
            if type(item) not in _SCALARS:
                value[key] = plain(item)
        return value
    if kind is list:
        # a list property (thousands of numbers, say) is kept after one pass at C speed
        if _SCALARS.issuperset(map(type, value)):
            return value
        for index, item in enumerate(value):
            if type(item) not in _SCALARS:
                value[index] = plain(item)
        return value
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

    def __init__(self, tx: AsyncTransaction, log: QueryLog | None) -> None:
        self._tx = tx
        self._log = log

    async def run(self, name: str, **params: Any) -> list[Row]:
        if self._log is not None:
            self._log.record(name)
        began = time.perf_counter()
        try:
            result = await self._tx.run(cypher(name), params)
            return [record_data(record) async for record in result]
        finally:
            # Errors surface (translated) from the transaction function that owns this run.
            CYPHER_SECONDS.labels(name).observe(time.perf_counter() - began)


class Database:
    """A driver plus the database name; one per process, opened and closed by its owner."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        log: QueryLog | None = None,
        *,
        deadlines: Deadlines | None = None,
        contention_retry_s: float = 15.0,
        outage: Outage | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.log = log
        self.deadlines = deadlines or Deadlines()
        self.contention_retry_s = contention_retry_s
        probe_s = self.deadlines.outage_probe_s
        self.outage = outage or (Outage(probe_s) if probe_s is not None else None)

    @classmethod
    def connect(cls, info: ConnectionInfo, deadlines: Deadlines | None = None) -> Database:
        deadlines = deadlines or Deadlines()
        driver = AsyncGraphDatabase.driver(
            info.uri,
            auth=(info.user, info.password),
            max_connection_pool_size=POOL_SIZE,
            connection_timeout=deadlines.connect_s,
            connection_acquisition_timeout=deadlines.acquisition_s,
            liveness_check_timeout=deadlines.liveness_check_s,
            # Queries name labels and properties that an empty or young graph may not have yet;
            # Neo4j's "does not exist" notices about them are noise in the service's log.
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
        return cls(driver, info.database, deadlines=deadlines, contention_retry_s=info.max_retry_s)

    def with_log(self, log: QueryLog) -> Database:
        """The same driver, counting queries into `log` (one per request)."""
        return Database(
            self.driver,
            self.database,
            log,
            deadlines=self.deadlines,
            contention_retry_s=self.contention_retry_s,
            outage=self.outage,
        )

    def without_transaction_deadline(self) -> Database:
        """The same driver for administrative work that may rightly take long (applying the
        schema waits for its indexes to come online)."""
        return Database(
            self.driver,
            self.database,
            self.log,
            deadlines=replace(self.deadlines, transaction_s=None),
            contention_retry_s=self.contention_retry_s,
            outage=self.outage,
        )

    async def close(self) -> None:
        if self.outage is not None:
            await self.outage.end()
        await self.driver.close()

    async def verify(self) -> None:
        async with translated_errors():
            await self.driver.verify_connectivity()

    async def read(self, name: str, **params: Any) -> list[Row]:
        return await self._query(neo4j.READ_ACCESS, name, params)

    async def write(self, name: str, **params: Any) -> list[Row]:
        return await self._query(neo4j.WRITE_ACCESS, name, params)

    async def write_in_batches(self, name: str, **params: Any) -> list[Row]:
        """Runs a query that commits in batches itself (`CALL { ... } IN TRANSACTIONS`), which
        Neo4j only accepts outside an explicit transaction."""
        if self.log is not None:
            self.log.record(name)
        async with timed(name), self._session(neo4j.WRITE_ACCESS) as session:
            result = await session.run(cypher(name), params)
            return [record_data(record) async for record in result]

    async def _query(self, access_mode: str, name: str, params: dict[str, Any]) -> list[Row]:
        try:
            return await self._transaction(
                access_mode, lambda tx: Transaction(tx, self.log).run(name, **params)
            )
        except TalentGraphError as error:
            CYPHER_ERRORS.labels(name, type(error).__name__).inc()
            raise

    async def in_write_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction, retried on contention (deadlocks between
        concurrent writers), rolled back whole if `work` raises."""
        return await self._transaction(
            neo4j.WRITE_ACCESS, lambda tx: work(Transaction(tx, self.log))
        )

    async def in_read_transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Runs `work` in one read transaction: its queries see the graph as of one moment."""
        return await self._transaction(
            neo4j.READ_ACCESS, lambda tx: work(Transaction(tx, self.log))
        )

    async def _ping(self) -> None:
        await self._attempt(neo4j.READ_ACCESS, lambda tx: Transaction(tx, None).run("admin/ping"))

    def _session(self, access_mode: str) -> neo4j.AsyncSession:
        return self.driver.session(
            database=self.database,
            default_access_mode=access_mode,
            # the bookmarks `execute_query` would chain: a read sees the writes before it, on a
            # cluster too
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        )

    async def _attempt(
        self, access_mode: str, work: Callable[[AsyncTransaction], Awaitable[T]]
    ) -> T:
        async with self._session(access_mode) as session:
            tx = await session.begin_transaction(timeout=self.deadlines.transaction_s)
            async with tx:
                result = await work(tx)
                await tx.commit()
            return result

    async def _transaction(
        self, access_mode: str, work: Callable[[AsyncTransaction], Awaitable[T]]
    ) -> T:
        """One transaction of `work`, under the retry policy of the module's docstring."""
        if self.outage is not None and self.outage.ongoing:
            raise DatabaseUnavailable("Neo4j is not reachable; waiting for it to answer again")
        give_up = time.monotonic() + self.contention_retry_s
        delay = 0.02
        retried_unavailable = False
        async with translated_errors():
            while True:
                try:
                    return await self._attempt(access_mode, work)
                except _UNAVAILABLE as error:
                    if retried_unavailable:
                        if self.outage is not None:
                            self.outage.begin(self._ping, error)
                        raise
                    retried_unavailable = True
                except neo4j_errors.TransientError as error:
                    if not _contention(error) or time.monotonic() + delay > give_up:
                        raise
                    await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                    delay = min(delay * 2, 1.0)
