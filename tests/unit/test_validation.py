"""Checks on client input that need no database (`cdp.validation`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from cdp import bounds, validation
from cdp.errors import BadUserInput, CdpError, ListTooLong, TextTooLong, ValueOutOfRange


@pytest.mark.parametrize(
    "value",
    ["\u200b", "\ufeff", "\u0000", "\u00a0", "\u2028", "\u200e\u200f", "\u3164", "\u2800"],
)
def test_a_text_that_shows_nothing_is_refused(value: str) -> None:
    with pytest.raises(BadUserInput) as raised:
        validation.text(value, "name")
    assert raised.value.field == "name"
    assert value not in raised.value.message


@pytest.mark.parametrize("value", ["a\u0000b", "a\u0007", "a\u001bb", "a\u0085b", "a\ud800"])
def test_control_characters_and_surrogates_are_refused(value: str) -> None:
    with pytest.raises(BadUserInput):
        validation.text(value, "name")
    with pytest.raises(BadUserInput):
        validation.optional_text(value, "notes")


@pytest.mark.parametrize(
    "value",
    [
        "Ann",
        "\u200f\u05e9\u05dc\u05d5\u05dd",
        "Ann\u200dLee",
        "a\tb\nc\r\nd",
        "Ωmega",
        "\U0001f469",
        "\u3164Ann",  # a filler first, then what shows
    ],
)
def test_visible_text_with_tabs_breaks_and_format_characters_is_kept(value: str) -> None:
    assert validation.text(value, "name") == value.strip()


def test_text_bounds_answer_text_too_long_with_the_limit() -> None:
    assert validation.text("x" * 500, "name") == "x" * 500
    with pytest.raises(TextTooLong) as raised:
        validation.text("x" * 501, "name")
    assert raised.value.extensions == {"code": "TEXT_TOO_LONG", "field": "name", "limit": 500}


def test_blank_optional_text_is_none() -> None:
    assert validation.optional_text("  ", "notes") is None
    assert validation.optional_text(None, "notes") is None


def test_lists_are_refused_before_any_item_is_read() -> None:
    not_emails = ["not an address"] * (bounds.EMAILS + 1)
    with pytest.raises(ListTooLong) as raised:
        validation.emails(not_emails, "emails")
    assert raised.value.extensions == {"code": "LIST_TOO_LONG", "field": "emails", "limit": 50}
    with pytest.raises(ListTooLong):
        validation.phones(["?"] * (bounds.PHONES + 1), "phones")
    with pytest.raises(ListTooLong):
        validation.texts(["a"] * (bounds.INTERESTS + 1), "interests", limit=bounds.INTERESTS)
    with pytest.raises(ListTooLong):
        validation.addresses([{}] * (bounds.ADDRESSES + 1), "addresses")


def test_duplicates_go_and_the_first_order_stays() -> None:
    emails = ["B@x.io", "a@x.io", "b@x.io", " A@X.io "]
    assert validation.emails(emails, "emails") == ["b@x.io", "a@x.io"]
    assert validation.phones(["+1 555 0101", "+1 555 0100", "+1 555 0101"], "phones") == [
        "+1 555 0101",
        "+1 555 0100",
    ]


def test_a_bad_address_is_named_without_its_value() -> None:
    with pytest.raises(BadUserInput) as raised:
        validation.emails(["a@x.io", "secret@@x"], "input.emails")
    assert raised.value.field == "input.emails[1]"
    assert "secret" not in raised.value.message


def test_address_lines_are_bounded_and_named() -> None:
    lines = validation.addresses([{"city": " Riga ", "postal_code": "LV-1010"}], "addresses")
    assert lines[0]["city"] == "Riga"
    assert lines[0]["postalCode"] == "LV-1010"
    assert lines[0]["position"] == 0
    with pytest.raises(TextTooLong) as raised:
        validation.addresses([{}, {"postal_code": "9" * 201}], "addresses")
    assert raised.value.field == "addresses[1].postalCode"


def test_birth_dates_lie_between_1900_and_today() -> None:
    assert validation.birth_date(date(1900, 1, 1), "birthDate") == date(1900, 1, 1)
    today = datetime.now(UTC).date()
    assert validation.birth_date(today, "birthDate") == today
    for refused in (date(1899, 12, 31), date(9999, 12, 31), today + timedelta(days=2)):
        with pytest.raises(ValueOutOfRange) as raised:
            validation.birth_date(refused, "birthDate")
        assert raised.value.code == "VALUE_OUT_OF_RANGE"


def test_choices_keep_each_value_once_and_an_empty_list_stays_empty() -> None:
    assert validation.choices(None, "status") is None
    assert validation.choices([], "status") == []
    assert validation.choices(["PENDING", "COMPLETED", "PENDING"], "status") == [
        "COMPLETED",
        "PENDING",
    ]
    with pytest.raises(CdpError) as raised:
        validation.choices(["PENDING"] * 51, "orders.status")
    assert raised.value.extensions == {
        "code": "LIST_TOO_LONG",
        "field": "orders.status",
        "limit": 50,
    }
