"""The Cypher registry: every `.cypher` file under `cypher/`, read once, addressed by name.

A query's name is its path below `cypher/` without the suffix, such as `people/person_by_id`.
Keeping queries in files lets an analyst paste any of them into Neo4j Browser with `:param`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import LiteralString

from graph.errors import QueryError

SUFFIX = ".cypher"


def _queries(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, str]]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _queries(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(SUFFIX):
            yield prefix + entry.name.removesuffix(SUFFIX), entry.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _registry() -> Mapping[str, str]:
    """Every query of the `cypher` resources, where the checkout or an installed wheel has them."""
    return dict(sorted(_queries(files("cypher"))))


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
