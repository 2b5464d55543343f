"""The Cypher registry: every `.cypher` file under `cypher/`, read once, addressed by name.

A query's name is its path below `cypher/` without the suffix, such as `people/person_by_id`.
Keeping queries in files lets an analyst paste any of them into Neo4j Browser with `:param`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import LiteralString

from graph.errors import QueryError
from graph.settings import PROJECT_ROOT

CYPHER_ROOT = PROJECT_ROOT / "cypher"


@lru_cache(maxsize=1)
def _registry() -> Mapping[str, str]:
    return {
        path.relative_to(CYPHER_ROOT).with_suffix("").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(CYPHER_ROOT.rglob("*.cypher"))
    }


def cypher(name: str) -> LiteralString:
    """The text of the query `name`; the driver accepts it as a literal because it comes from a file
    in the repository, never from user input."""
    try:
        return _registry()[name]
    except KeyError:
        raise QueryError(f"no Cypher file cypher/{name}.cypher") from None


def names_under(folder: str) -> list[str]:
    """The names of all queries in `cypher/<folder>/`, sorted."""
    prefix = folder.rstrip("/") + "/"
    return [name for name in _registry() if name.startswith(prefix)]
