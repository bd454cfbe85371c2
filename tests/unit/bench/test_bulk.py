"""The bulk upsert requests: RAW's rows must write what the platform's search reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench import bulk

MIGRATIONS = Path(__file__).resolve().parents[3] / "graph_migrations"


def full_text_properties() -> set[str]:
    """The Customer properties the newest `customer_search` full-text index reads."""
    newest = ""
    for path in sorted(MIGRATIONS.glob("V*.cypher")):
        found = re.findall(
            r"CREATE FULLTEXT INDEX customer_search.*?ON EACH \[([^\]]*)\]",
            path.read_text(),
            flags=re.DOTALL,
        )
        newest = found[-1] if found else newest
    return {name.strip().removeprefix("c.") for name in newest.split(",")}


def test_raw_rows_bring_every_property_the_search_index_reads() -> None:
    indexed = full_text_properties()
    assert indexed == {"nameText", "emailText"}
    (body,) = bulk.bodies("RAW", 10, 1, 1)
    rows = json.loads(body)["rows"]
    assert len(rows) == 10
    for row in rows:
        assert indexed <= row["props"].keys()
        assert row["props"]["nameText"] == row["props"]["name"].lower()
        assert row["props"]["emailText"] == " ".join(row["props"]["emails"])


def test_raw_and_ours_write_the_same_customers() -> None:
    (raw_body,) = bulk.bodies("RAW", 4, 1, 1)
    (ours_body,) = bulk.bodies("OURS", 4, 1, 1)
    raw_rows = json.loads(raw_body)["rows"]
    ours_rows = json.loads(ours_body)["variables"]["rows"]
    # The same customers under each contender's own external ids (request 1 of 4 rows: 2 to 5).
    assert [row["value"] for row in raw_rows] == [f"raw-4-{i}" for i in range(2, 6)]
    assert [row["externalId"]["value"] for row in ours_rows] == [f"ours-4-{i}" for i in range(2, 6)]
    for raw_row, ours_row in zip(raw_rows, ours_rows, strict=True):
        written = {k: v for k, v in raw_row["props"].items() if not k.endswith("Text")}
        assert written.keys() == ours_row["customer"].keys()
        assert written["lifecycleStage"] == ours_row["customer"]["lifecycleStage"] == "LEAD"
