"""Ids: a kind's prefix and a UUID, version 7 (time-ordered) or, for demo data, seeded."""

from __future__ import annotations

import random
import time
import uuid

from cdp.ids import new_id, new_ids, prefix_of


def _uuid(node_id: str) -> uuid.UUID:
    value = uuid.UUID(node_id.split("_", 1)[1])
    assert value.hex == node_id.split("_", 1)[1]
    return value


def test_ids_drawn_at_once_are_distinct_increasing_version_7_uuids_of_their_kind() -> None:
    before = time.time_ns() // 1_000_000
    drawn = new_ids("ord", 2_000)
    after = time.time_ns() // 1_000_000
    assert len(set(drawn)) == 2_000
    assert drawn == sorted(drawn)  # each follows the one before in Neo4j's id index
    for each in drawn:
        assert prefix_of(each) == "ord"
        value = _uuid(each)
        assert (value.version, value.variant) == (7, uuid.RFC_4122)
        assert before <= value.int >> 80 <= after  # the time they were drawn, in milliseconds
    assert new_ids("cus", 0) == []


def test_ids_drawn_one_at_a_time_follow_those_drawn_before() -> None:
    first, second = new_id("cus"), new_id("cus")
    assert prefix_of(first) == prefix_of(second) == "cus"
    assert _uuid(first).version == 7
    assert first < second
    assert new_ids("cus", 1)[0] > second


def test_seeded_ids_are_the_same_one_at_a_time_or_at_once() -> None:
    seeded = random.Random(7)  # noqa: S311 - reproducible ids, not secrets
    one_by_one = [new_id("cus", seeded) for _ in range(3)]
    at_once = new_ids("cus", 3, random.Random(7))  # noqa: S311
    assert one_by_one == at_once
    assert _uuid(at_once[0]).version == 4
    assert new_ids("cus", 3) != at_once
