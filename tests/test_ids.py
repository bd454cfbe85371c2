"""Ids: a kind's prefix and a version-4 UUID, drawn one at a time or many at once."""

from __future__ import annotations

import uuid

from cdp.ids import label_of, new_id, new_ids, seeded_ids


def test_ids_drawn_at_once_are_distinct_version_4_uuids_of_their_kind() -> None:
    drawn = new_ids("Order", 2_000)
    assert len(set(drawn)) == 2_000
    for each in drawn:
        assert label_of(each) == "Order"
        value = uuid.UUID(each.removeprefix("ord_"))
        assert (value.version, value.variant) == (4, uuid.RFC_4122)
        assert value.hex == each.removeprefix("ord_")
    assert new_ids("Customer", 0) == []


def test_seeded_ids_are_the_same_one_at_a_time_or_at_once() -> None:
    with seeded_ids(7):
        one_by_one = [new_id("Customer") for _ in range(3)]
    with seeded_ids(7):
        at_once = new_ids("Customer", 3)
    assert one_by_one == at_once
    assert new_ids("Customer", 3) != at_once
