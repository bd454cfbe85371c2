"""The benchmark runner's refusal to measure a graph its report would not describe."""

from __future__ import annotations

import dataclasses

import pytest

from bench.dataset import Stats
from bench.run import _refuse_altered
from bench.stand import bench_settings

GENERATED = Stats(
    customers=10,
    seed=1,
    version=1,
    nodes=30,
    relationships=20,
    labels={"Customer": 10, "ExternalId": 10, "Order": 10},
    types={"IDENTIFIED_BY": 10, "PLACED": 10},
)


def test_a_graph_as_generated_is_measured() -> None:
    _refuse_altered(bench_settings(10, "1g", "1g"), GENERATED, dataclasses.replace(GENERATED))


def test_a_graph_written_to_since_is_refused_naming_what_changed() -> None:
    now = dataclasses.replace(
        GENERATED,
        labels={**GENERATED.labels, "Customer": 12, "ExternalId": 12},
        types={**GENERATED.types, "IDENTIFIED_BY": 12},
    )
    settings = bench_settings(10, "1g", "1g")
    with pytest.raises(SystemExit) as refused:
        _refuse_altered(settings, GENERATED, now)
    message = str(refused.value)
    assert message.startswith(f"{settings.home} no longer holds the generated dataset")
    assert "Customer: 12 held, 10 generated" in message
    assert "IDENTIFIED_BY: 12 held, 10 generated" in message
    assert "Order" not in message
    assert message.endswith("remove it first")
