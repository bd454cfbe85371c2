"""The depth scan of a JSON body (`cdp.edge.json_body`), before anything decodes it."""

from __future__ import annotations

import time

import pytest

from cdp.edge.json_body import nests_deeper_than


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ('{"a": "[[[[[[[[[["}', False),  # brackets in a string are text
        ('{"a": "\\"[[[[[[[[[[", "b": 1}', False),  # an escaped quote does not end it
        ('{"a": "\\\\", "b": [[[[[[[[[[1]]]]]]]]]]}', True),  # an escaped backslash does
        ('[{"a": [{"b": [{"c": [1]}]}]}]', True),
        ('[{"a": [{"b": [{"c": 1}]}]}]', False),
        ("[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10],[11]]", False),
    ],
)
def test_the_depth_scan_reads_strings_as_a_decoder_does(text: str, deep: bool) -> None:
    assert nests_deeper_than(text, 6) is deep
    assert nests_deeper_than(text.encode(), 6) is deep


def test_the_depth_scan_is_linear() -> None:
    # 16 MB of brackets in the shapes that cost most: nothing close to a second per megabyte.
    size = 16 * 1_048_576
    for body in (b"[" * (size // 2) + b"]" * (size // 2), b"[" + b"[]," * (size // 3) + b"[]]"):
        started = time.perf_counter()
        nests_deeper_than(body, 64)
        assert time.perf_counter() - started < 8.0
