"""Skills: the taxonomy, its search, and who holds what."""

from __future__ import annotations

import re

from graph.database import Row
from resolvers.context import Context

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def fulltext_query(search: str) -> str:
    """A Lucene query for user text: special characters escaped, every word fuzzy-prefixed, so
    'pyth' and 'pyhton' both find Python without letting the user write Lucene."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", word) for word in search.split()]
    return " AND ".join(f"({word}* OR {word}~)" for word in words if word)


async def search_skills(ctx: Context, search: str, first: int) -> list[Row]:
    query = fulltext_query(search)
    if not query:
        return []
    rows = await ctx.db.read("skills/search_skills", query=query, first=first)
    return [row["skill"] for row in rows]
