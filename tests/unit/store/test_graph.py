"""Parameters released once Neo4j has read them (`cdp.store.graph.release`)."""

from __future__ import annotations

from cdp.store.graph import Many, release


def test_release_empties_the_many_lists_of_a_statement_and_only_them() -> None:
    rows = Many([{"name": "a"}, {"name": "b"}])
    names = ["a", "b"]
    ids = Many(["cus_1", "cus_2"])
    record = {"customerIds": ids, "fields": ["name"]}
    params = {"rows": rows, "names": names, "now": 1, "record": record}
    release(params)
    assert rows == []
    assert ids == []  # in a map parameter too
    assert names == ["a", "b"]
    assert record["fields"] == ["name"]
    assert params["now"] == 1
