"""The collector's settings for the service process."""

from __future__ import annotations

import gc

import pytest

from schema.speed import collector


def test_startup_objects_are_frozen_and_young_collections_are_rarer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "_tuned", False)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        collector.tune_garbage_collection()
        assert gc.get_threshold() == (collector.YOUNG_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() > 0
        gc.set_threshold(700, 10, 10)
        collector.tune_garbage_collection()  # once per process
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
