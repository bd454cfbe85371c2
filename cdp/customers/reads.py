"""Reading customers: by id, by external id, as a filtered and sorted page, by full-text search.

Each function compiles the client's selection into one Cypher query and runs it once.
"""

from __future__ import annotations

import re
from typing import Any

from cdp.compiler.cypher import QueryBuilder, map_literal
from cdp.compiler.pagination import Connection
from cdp.compiler.projection import page_size, project
from cdp.compiler.selection import Selected
from cdp.customers.filters import customer_anchor, customer_where
from cdp.customers.search_text import search_text
from cdp.errors import BadUserInput, Forbidden, ListTooLong, TextTooLong
from cdp.model import CUSTOMER_SORTS
from cdp.request import Operation

Row = dict[str, Any]
CUSTOMERS = Connection(
    "Customer",
    "({x}:Customer)",
    CUSTOMER_SORTS,
    "NAME_ASC",
    where=lambda qb, x, selected: [
        *qb.visible(x),
        *customer_where(qb, x, selected.args.get("filter"), anchored=True),
    ],
    anchor=lambda qb, x, selected: customer_anchor(qb, x, selected.args.get("filter")),
    fallback_sort="CREATED_AT_ASC",
)
_WORD = re.compile(r"\w")
_WORD_BREAK = re.compile(r"[^\w]+")
_TERM = re.compile(r"\w+")
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
# Bounds of a search, before and after folding (which may lengthen a text): well beyond a full
# name and an e-mail address, and far below Lucene's limit of 1,024 clauses per query (each term
# is a clause of the phrase and one of the prefixes).
MAX_SEARCH_CHARACTERS = 256
MAX_SEARCH_TERMS = 32


async def customer(op: Operation, customer_id: str, selected: Selected) -> Row | None:
    qb = op.query()
    query = (
        f"MATCH (c:Customer {{id: {qb.param(customer_id)}}}){_where(qb.visible('c'))} "
        f"RETURN {project(qb, 'Customer', 'c', selected)} AS row"
    )
    return await _one(op, query, qb)


async def customer_by_external_id(
    op: Operation, system: str, value: str, selected: Selected
) -> Row | None:
    qb = op.query()
    query = (
        f"MATCH (c:Customer)-[:IDENTIFIED_BY]->(:ExternalId {{system: {qb.param(system)}, "
        f"value: {qb.param(value)}}}){_where(qb.visible('c'))} "
        f"RETURN {project(qb, 'Customer', 'c', selected)} AS row"
    )
    return await _one(op, query, qb)


async def customers(op: Operation, selected: Selected) -> Row:
    """A page of customers (a connection row: rows, totalCount, first, after)."""
    op.policy.check_filter(selected.args.get("filter"), selected.args.get("order_by"))
    qb = op.query()
    query = f"RETURN {CUSTOMERS(qb, '', selected)} AS row"
    row = await _one(op, query, qb)
    assert row is not None  # RETURN without MATCH always yields one row
    return row


async def search(op: Operation, text: str, first: int | None, selected: Selected) -> list[Row]:
    """Customers whose name or e-mail matches every word of `text` (prefixes too), best first."""
    if not op.policy.viewer.sees_pii:
        raise Forbidden("Searching names and e-mails needs the pii:read scope.", field="text")
    if not text.strip():
        raise BadUserInput("Search for at least one word.", field="text")
    words = _words(text)
    if not words:
        return []  # punctuation alone matches nothing
    # A word matches as a phrase of what the index's analyzer makes of it (a whole e-mail, a
    # hyphenated name), or when each of its parts begins a word ("ada lov", "berners-l").
    lucene = " AND ".join(f"({_phrase(word)} OR {_prefixes(word)})" for word in words)
    qb = op.query()
    entries = {}
    for child in selected.fields:
        if child.name == "customer":
            entries[child.key] = project(qb, "Customer", "node", child)
        else:
            entries[child.key] = {"score": "score", "__typename": "'CustomerSearchHit'"}[child.name]
    query = (
        f"CALL db.index.fulltext.queryNodes('customer_search', {qb.param(lucene)}, "
        f"{{limit: {qb.param(page_size(first, 20, qb.max_page))}}}) YIELD node, score "
        f"{_where(qb.visible('node'))} "
        f"RETURN {map_literal(entries)} AS row ORDER BY score DESC, node.id"
    )
    rows = await op.graph.read_compiled(query, qb.params)
    await audited(op, qb, rows)
    return [row["row"] for row in rows]


def _words(text: str) -> list[str]:
    """The words of a search, folded as the stored text is (`cdp.customers.search_text`),
    within bounds."""
    too_long = TextTooLong(
        f"Search for at most {MAX_SEARCH_CHARACTERS} characters.",
        field="text",
        limit=MAX_SEARCH_CHARACTERS,
    )
    too_many = ListTooLong(
        f"Search for at most {MAX_SEARCH_TERMS} words.", field="text", limit=MAX_SEARCH_TERMS
    )
    if len(text.split()) > MAX_SEARCH_TERMS:
        raise too_many
    if len(text) > MAX_SEARCH_CHARACTERS:
        raise too_long
    folded = search_text(text)
    if len(folded) > MAX_SEARCH_CHARACTERS:
        raise too_long
    if len(_TERM.findall(folded)) > MAX_SEARCH_TERMS:  # "a-b" is two terms for Lucene
        raise too_many
    return [word for word in folded.split() if _WORD.search(word)]


def _prefixes(word: str) -> str:
    parts = [part for part in _WORD_BREAK.split(word) if part] or [word]
    escaped = (_LUCENE_SPECIAL.sub(r"\\\1", part) for part in parts)
    return "(" + " AND ".join(f"{part}*" for part in escaped) + ")"


def _phrase(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _where(conditions: list[str]) -> str:
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


async def _one(op: Operation, query: str, qb: QueryBuilder) -> Row | None:
    rows = await op.graph.read_compiled(query, qb.params)
    await audited(op, qb, rows)
    return rows[0]["row"] if rows else None


async def audited(op: Operation, qb: QueryBuilder, rows: list[Row]) -> None:
    """Leave the operation's audit record when the rows hold unmasked personal data."""
    op.audited.note_fields(qb.pii_read)
    await op.audited.record_read(op.graph, rows)
