"""Date-times a client sends: those beyond the calendar once in UTC are coercion errors."""

from __future__ import annotations

import pytest
from graphql import GraphQLError

from schema.scalars import DateTime


@pytest.mark.parametrize("text", ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"])
def test_a_date_time_beyond_the_calendar_in_utc_is_a_coercion_error(text: str) -> None:
    assert DateTime.parse_value is not None
    with pytest.raises(GraphQLError, match="DateTime"):
        DateTime.parse_value(text)
