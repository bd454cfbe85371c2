"""Values freed after the response: held within a request's block, not outside one."""

from __future__ import annotations

import asyncio
import weakref

from cdp.after_response import free_after_response, holding


class Rows(list[int]):  # a list that a weak reference can watch
    pass


def test_outside_a_request_a_value_is_freed_where_it_is_dropped() -> None:
    rows = Rows([1, 2, 3])
    watched = weakref.ref(rows)
    free_after_response(rows)
    del rows
    assert watched() is None


def test_within_a_request_a_value_outlives_its_last_user_until_the_block_ends() -> None:
    with holding():
        rows = Rows([1, 2, 3])
        watched = weakref.ref(rows)
        free_after_response(rows)
        del rows
        assert watched() == [1, 2, 3]
    assert watched() is None


async def test_tasks_the_request_starts_hand_their_values_to_the_same_holder() -> None:
    watched: list[weakref.ref[Rows]] = []

    async def field(n: int) -> None:  # as graphql-core runs sibling fields: tasks of their own
        rows = Rows(range(n))
        watched.append(weakref.ref(rows))
        free_after_response(rows)

    with holding():
        await asyncio.gather(field(2), field(3))
        assert [len(ref() or ()) for ref in watched] == [2, 3]
    assert [ref() for ref in watched] == [None, None]


def test_blocks_nest_and_each_frees_its_own() -> None:
    with holding():
        outer = Rows([1])
        watched_outer = weakref.ref(outer)
        free_after_response(outer)
        del outer
        with holding():
            inner = Rows([2])
            watched_inner = weakref.ref(inner)
            free_after_response(inner)
            del inner
        assert watched_inner() is None
        assert watched_outer() == [1]
    assert watched_outer() is None
