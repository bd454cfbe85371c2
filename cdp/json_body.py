"""JSON request bodies: how deep they nest is bounded before they are decoded.

The decoders recurse once per level of nesting: a few kilobytes of `[` would exhaust the
interpreter's stack (a RecursionError, not a decoding error). So the nesting is measured first
on the bytes alone, with a handful of whole-buffer operations (each a loop in C), never one
Python step per byte.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

import msgspec

_BOM = b"\xef\xbb\xbf"  # a byte-order mark
# Everything but the brackets and quotes: dropped before strings are found.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_SLICE = 1 << 18
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # signed: +1, +1, -1, -1


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
    # Escapes first (`\\` before `\"`, as a decoder reads them left to right): what is left of
    # a quote then opens or closes a string, and what lies between the quotes is text.
    raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Two quotes side by side hold no bracket between them: dropping them keeps every other
    # quote where it was (opening or closing), so only strings with brackets in them remain.
    structure = raw.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:
        structure = b"".join(structure.split(b'"')[::2])
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


def decode(data: bytes | str, *, max_depth: int) -> Any:
    """A JSON text (UTF-8, a byte-order mark allowed) of at most `max_depth` levels, decoded
    by msgspec: strict (no NaN, no Infinity) and faster than the standard library.

    Raises JsonTooDeep, or msgspec.DecodeError when it is not JSON."""
    if nests_deeper_than(data, max_depth):
        raise JsonTooDeep(max_depth)
    if isinstance(data, bytes):
        data = data.removeprefix(_BOM)
    return msgspec.json.decode(data)
