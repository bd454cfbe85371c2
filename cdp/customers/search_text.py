"""The text a customer is found by: names and e-mails folded so that what people type finds
what was stored, in the languages of our users (Latvian, Hebrew, English).

"Berzins" must find "Bērziņš", "JANIS" must find "Jānis" and "כהן" must find "כֹּהֵן". Neo4j's
full-text analyzers fold case (and, one of them, Latin diacritics) but none removes Hebrew
points, so the write path stores the folded text (`nameText`, `emailText`) and the search folds
the query with the same function before it reaches Lucene.
"""

from __future__ import annotations

import unicodedata
from typing import Any, LiteralString

from neo4j import AsyncDriver, RoutingControl

# Latin letters whose diacritic is part of the letter, so that decomposition leaves it on.
_LATIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "\u0131": "i", "æ": "ae", "œ": "oe"}
)
# Diacritics on Latin letters decompose into marks of this block (macron, caron, cedilla ...).
_COMBINING = range(0x0300, 0x0370)
# Hebrew points and cantillation marks; the block's punctuation (maqaf, paseq, sof pasuq) is
# not a mark and stays.
_HEBREW = range(0x0591, 0x05C8)


def search_text(text: str) -> str:
    """`text` in NFKC, case folded, with the diacritics of Latin letters and the points and
    cantillation of Hebrew removed. Idempotent; other scripts keep their marks (a Cyrillic
    й is not an и)."""
    if text.isascii():  # most names and nearly every e-mail address
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LATIN_LETTERS)
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", folded):
        if unicodedata.category(char) == "Mn":
            code = ord(char)
            if code in _HEBREW or (code in _COMBINING and base.isascii() and base.isalpha()):
                continue
        else:
            base = char
        kept.append(char)
    return unicodedata.normalize("NFKC", "".join(kept))


def name_text(name: str | None) -> str | None:
    return search_text(name) if name else None


def email_text(emails: list[str] | None) -> str | None:
    """All addresses in one string: full-text indexes read string properties only."""
    return search_text(" ".join(emails)) if emails else None


_PAGE: LiteralString = """
MATCH (c:Customer) WHERE c.id > $after
RETURN c.id AS id, c.name AS name, c.emails AS emails ORDER BY c.id LIMIT $size
"""
# A customer written since its page was read keeps what its own write stored.
_STORE: LiteralString = """
UNWIND $rows AS row
MATCH (c:Customer {id: row.id})
WHERE coalesce(c.name = row.name, row.name IS NULL)
  AND coalesce(c.emails = row.emails, row.emails IS NULL)
SET c.nameText = row.nameText, c.emailText = row.emailText
"""


async def reindex(driver: AsyncDriver, database: str, page: int = 1000) -> int:
    """Store the search text of every customer, a page at a time; returns how many were read."""
    after, seen = "", 0
    while True:
        found = await driver.execute_query(
            _PAGE, {"after": after, "size": page}, routing_=RoutingControl.READ, database_=database
        )
        rows: list[dict[str, Any]] = [record.data() for record in found.records]
        if not rows:
            return seen
        for row in rows:
            row["nameText"] = name_text(row["name"])
            row["emailText"] = email_text(row["emails"])
        await driver.execute_query(
            _STORE, {"rows": rows}, routing_=RoutingControl.WRITE, database_=database
        )
        seen += len(rows)
        after = rows[-1]["id"]
