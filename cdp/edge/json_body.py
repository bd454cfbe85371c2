"""JSON request bodies: how deep they nest, and how many values they hold, is bounded before
they are decoded.

The decoders recurse once per level of nesting: a few kilobytes of `[` would exhaust the
interpreter's stack (a RecursionError, not a decoding error). And decoding builds one object per
value while holding the interpreter, in a worker thread too: 16 MB of `{}` hold every other
request for seconds. So both are measured first on the bytes alone, with a handful of
whole-buffer operations (each a loop in C), never one Python step per byte.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

import msgspec

_BOM = b"\xef\xbb\xbf"  # a byte-order mark
# Everything but the brackets, commas and quotes: dropped before strings are found.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{},"')
_SLICE = 1 << 18
_STEPS = bytes.maketrans(b"[{]},", b"\x01\x01\xff\xff\x00")  # signed: +1, +1, -1, -1, 0


class JsonTooLarge(ValueError):
    """The JSON holds more values than the limit allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The JSON holds more than {limit} values.")
        self.limit = limit


class JsonTooDeep(ValueError):
    """The JSON nests deeper than the limit allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The JSON nests deeper than {limit} levels.")
        self.limit = limit


def nests_deeper_than(data: bytes | str, limit: int) -> bool:
    """Whether some array or object of `data` sits more than `limit` levels deep (the
    outermost one is level 1). Malformed JSON may answer either way: its decoder refuses it."""
    raw = data.encode() if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    return _deeper(_structure(raw), limit)


def check(data: bytes, *, max_depth: int, max_values: int) -> None:
    """Raise JsonTooDeep or JsonTooLarge when `data` breaks a bound. Values are counted
    about as the decoder builds them: each array, each object and each element once."""
    if data.count(b",") + data.count(b"[") + data.count(b"{") <= max_values:
        if nests_deeper_than(data, max_depth):
            raise JsonTooDeep(max_depth)
        return
    structure = _structure(data)
    if _deeper(structure, max_depth):
        raise JsonTooDeep(max_depth)
    values = structure.count(b",") + structure.count(b"[") + structure.count(b"{")
    if values > max_values:
        raise JsonTooLarge(max_values)


def _structure(raw: bytes) -> bytes:
    """The brackets and commas of `raw` outside its strings."""
    # Escapes first (`\\` before `\"`, as a decoder reads them left to right): what is left
    # of a quote then opens or closes a string, and what lies between the quotes is text.
    raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Two quotes side by side hold nothing between them: dropping them keeps every other quote
    # where it was (opening or closing), so only strings with brackets or commas remain.
    structure = raw.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:
        structure = b"".join(structure.split(b'"')[::2])
    return structure


def _deeper(structure: bytes, limit: int) -> bool:
    # The depth at each bracket is the running sum of +1 per opener and -1 per closer; a
    # mismatch of kinds, or an imbalance, is the decoder's to refuse. Summed a slice at a
    # time, so that a thread doing this lets others run in between.
    steps = memoryview(structure.translate(_STEPS)).cast("b")
    level = 0
    for start in range(0, len(steps), _SLICE):
        part = steps[start : start + _SLICE]
        if max(accumulate(part, initial=level)) > limit:
            return True
        level += sum(part)
    return False


def decode(data: bytes | str, *, max_depth: int, max_values: int) -> Any:
    """A JSON text (UTF-8, a byte-order mark allowed) within the bounds, decoded by msgspec:
    strict (no NaN, no Infinity) and faster than the standard library.

    Raises JsonTooDeep, JsonTooLarge, or msgspec.DecodeError when it is not JSON."""
    raw = data.encode() if isinstance(data, str) else data.removeprefix(_BOM)
    check(raw, max_depth=max_depth, max_values=max_values)
    return msgspec.json.decode(raw)
