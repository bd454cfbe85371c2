"""Cursors: what a page hands out, and what an `after` may be."""

from __future__ import annotations

import pytest

from cdp.compiler.pagination import Sort, SortKey, decode_cursor, encode_cursor
from cdp.errors import BadUserInput

BY_NAME = Sort("NAME_ASC", [SortKey("name", "string")])
BY_REVENUE = Sort("REVENUE", [SortKey("revenueMinor", "int", True, default="0")])
BY_TIME = Sort("NEWEST", [SortKey("at", "datetime", descending=True)])
BY_DAY = Sort("DUE", [SortKey("due", "date", default="date('9999-12-31')")])


def test_sort_keys_read_a_property_with_its_default() -> None:
    assert BY_NAME.keys[0].expression("x1") == "x1.name"
    assert BY_REVENUE.keys[0].expression("x1") == "coalesce(x1.revenueMinor, 0)"


@pytest.mark.parametrize(
    ("sort", "values"),
    [
        (BY_NAME, ["Ada Lovelace", "cus_1"]),
        (BY_NAME, ["", "cus_1"]),
        (BY_REVENUE, [-(2**63), "cus_1"]),
        (BY_REVENUE, [2**63 - 1, "cus_2"]),
        (BY_TIME, ["2026-03-01T10:00:00.123456789+18:00", "ord_1"]),
        (BY_TIME, ["2026-03-01T10:00Z", "ord_1"]),
        (BY_DAY, ["2026-03-01", "ord_1"]),
        (BY_DAY, ["9999-12-31", "ord_1"]),
        (BY_DAY, ["0001-01-01", "ord_1"]),
    ],
)
def test_a_cursor_decodes_to_what_it_encoded(sort: Sort, values: list[object]) -> None:
    cursor = encode_cursor(sort.name, values)
    assert not set(cursor) & set("=+/")  # URL-safe, unpadded
    assert decode_cursor(cursor, sort) == values


def test_a_cursor_is_one_of_its_sort() -> None:
    cursor = encode_cursor("NAME_ASC", ["Ada", "cus_1"])
    with pytest.raises(BadUserInput, match="another list or sort order"):
        decode_cursor(cursor, BY_TIME)


@pytest.mark.parametrize(
    ("sort", "cursor"),
    [
        (BY_NAME, "not a cursor"),
        (BY_NAME, "x" * 4097),
        (BY_NAME, encode_cursor("NAME_ASC", ["Ada", 7])),  # an id is text
        (BY_NAME, encode_cursor("NAME_ASC", [None, "cus_1"])),
        (BY_REVENUE, encode_cursor("REVENUE", [2**63, "cus_1"])),  # beyond Neo4j's integers
        (BY_REVENUE, encode_cursor("REVENUE", [True, "cus_1"])),
        (BY_REVENUE, encode_cursor("REVENUE", [1.5, "cus_1"])),
        (BY_TIME, encode_cursor("NEWEST", ["2026-02-30T10:00:00Z", "ord_1"])),  # no such day
        (BY_TIME, encode_cursor("NEWEST", ["2026-03-01T10:00:00[Europe/Paris]", "ord_1"])),
        (BY_TIME, encode_cursor("NEWEST", ["2026-03-01T10:00:00+19:00", "ord_1"])),
        (BY_DAY, encode_cursor("DUE", ["2026-02-30", "ord_1"])),  # no such day
        (BY_DAY, encode_cursor("DUE", ["2026-03-01T10:00:00Z", "ord_1"])),  # a time, no day
        (BY_DAY, encode_cursor("DUE", ["20260301", "ord_1"])),
        (BY_DAY, encode_cursor("DUE", ["\uff12026-03-01", "ord_1"])),  # a full-width digit
        (BY_DAY, encode_cursor("DUE", [20260301, "ord_1"])),
    ],
)
def test_cursors_this_api_never_returned_are_refused(sort: Sort, cursor: str) -> None:
    with pytest.raises(BadUserInput, match="not one this API returned") as refused:
        decode_cursor(cursor, sort)
    assert refused.value.field == "after"
