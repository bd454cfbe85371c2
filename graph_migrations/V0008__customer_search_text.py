"""The data step of V0008: store the search text of every existing customer.

Python, because the text is folded by the platform's own function (`cdp.search_text`: NFKC,
case folding, Latin diacritics, Hebrew points), which Cypher cannot express exactly; the runner
calls `migrate` once, after this version's Cypher statements.
"""

from __future__ import annotations

from neo4j import AsyncDriver

from cdp.customers.search_text import reindex


async def migrate(driver: AsyncDriver, database: str) -> None:
    await reindex(driver, database)
