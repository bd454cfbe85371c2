"""Reading customers: by id, by external id, as a filtered and sorted page, by full-text search.

Each read compiles the client's selection into one Cypher statement (`compile_*`, pure: no
database) and runs it once (`Operation.read`), leaving an audit record when it shows personal
data.
"""

from __future__ import annotations

import re
from typing import Any

from cdp.compiler.cypher import QueryBuilder, Statement, map_literal, node, record, where
from cdp.compiler.pagination import Connection
from cdp.compiler.projection import page_size, project
from cdp.compiler.selection import Selected
from cdp.customers.filters import customer_anchor, customer_where
from cdp.customers.model import CUSTOMER_SORTS
from cdp.customers.search_text import search_text
from cdp.errors import BadUserInput, Forbidden, ListTooLong, TextTooLong
from cdp.request import Operation

Row = dict[str, Any]
CUSTOMERS = Connection(
    "Customer",
    lambda _, x: f"({x}:Customer)",
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


def compile_customer(qb: QueryBuilder, customer_id: str, selected: Selected) -> Statement:
    customer = node("c", "Customer", id=qb.param(customer_id))
    return qb.statement(
        f"MATCH {customer}{where(qb.visible('c'))} "
        f"RETURN {project(qb, 'Customer', 'c', selected)} AS row"
    )


def compile_customer_by_external_id(
    qb: QueryBuilder, system: str, value: str, selected: Selected
) -> Statement:
    external_id = node("", "ExternalId", system=qb.param(system), value=qb.param(value))
    return qb.statement(
        f"MATCH (c:Customer)-[:IDENTIFIED_BY]->{external_id}{where(qb.visible('c'))} "
        f"RETURN {project(qb, 'Customer', 'c', selected)} AS row"
    )


def compile_customers(qb: QueryBuilder, selected: Selected) -> Statement:
    """A page of customers: one row, a connection (rows, totalCount, first, after)."""
    qb.policy.check_filter(selected.args.get("filter"), selected.args.get("order_by"))
    return qb.statement(f"RETURN {CUSTOMERS(qb, '', selected)} AS row")


def compile_search(
    qb: QueryBuilder, text: str, first: int | None, selected: Selected
) -> Statement | None:
    """Customers whose name or e-mail matches every word of `text` (prefixes too), best
    first; None when no customer can match (punctuation alone)."""
    if not qb.policy.viewer.sees_pii:
        raise Forbidden("Searching names and e-mails needs the pii:read scope.", field="text")
    if not text.strip():
        raise BadUserInput("Search for at least one word.", field="text")
    words = _words(text)
    if not words:
        return None
    # A word matches as a phrase of what the index's analyzer makes of it (a whole e-mail, a
    # hyphenated name), or when each of its parts begins a word ("ada lov", "berners-l").
    lucene = " AND ".join(f"({_phrase(word)} OR {_prefixes(word)})" for word in words)
    entries = {}
    for child in selected.fields:
        if child.name == "customer":
            entries[child.key] = project(qb, "Customer", "node", child)
        else:
            entries[child.key] = {"score": "score", "__typename": "'CustomerSearchHit'"}[child.name]
    search = qb.param(lucene)
    limit = record(limit=qb.param(page_size(first, 20, qb.max_page)))
    visible = where(qb.visible("node"))
    return qb.statement(
        f"CALL db.index.fulltext.queryNodes('customer_search', {search}, {limit}) "
        f"YIELD node, score{visible} "
        f"RETURN {map_literal(entries)} AS row ORDER BY score DESC, node.id"
    )


async def customer(op: Operation, customer_id: str, selected: Selected) -> Row | None:
    return await op.read_one(compile_customer(op.query(), customer_id, selected))


async def customer_by_external_id(
    op: Operation, system: str, value: str, selected: Selected
) -> Row | None:
    statement = compile_customer_by_external_id(op.query(), system, value, selected)
    return await op.read_one(statement)


async def customers(op: Operation, selected: Selected) -> Row:
    """A page of customers (a connection row: rows, totalCount, first, after)."""
    row = await op.read_one(compile_customers(op.query(), selected))
    assert row is not None  # RETURN without MATCH always yields one row
    return row


async def search(op: Operation, text: str, first: int | None, selected: Selected) -> list[Row]:
    """Customers whose name or e-mail matches every word of `text` (prefixes too), best first."""
    statement = compile_search(op.query(), text, first, selected)
    return [] if statement is None else await op.read(statement)


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
