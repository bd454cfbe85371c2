"""Money is stored as integer minor units with a currency, and shown as a decimal string.

Bounds keep every sum Neo4j computes within its 64-bit integers, far above what a business
sells: a unit price is at most 10^11 minor units (1,000,000,000.00 in a two-decimal currency),
a quantity at most 1,000,000, an order at most 1,000 lines and 10^13 minor units
(100,000,000,000.00), and all of one customer's orders together at most 10^15 minor units.
A line is then below 10^17, and the stored revenue of 9,000 customers at their bound still adds
up without overflow. Minor units of any amount served are exact in `Money.amount`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from cdp.errors import BadUserInput, ValueOutOfRange

# ISO 4217 currencies whose minor unit is not a hundredth.
_EXPONENTS = {
    "JPY": 0,
    "KRW": 0,
    "ISK": 0,
    "CLP": 0,
    "VND": 0,
    "BHD": 3,
    "KWD": 3,
    "OMR": 3,
    "JOD": 3,
    "TND": 3,
}

# Far above any real price, and far enough below 2**63 that totals of many lines still fit.
MAX_MINOR = 10**15
MAX_UNIT_PRICE_MINOR = 10**11
MAX_QUANTITY = 1_000_000
MAX_ORDER_LINES = 1_000
MAX_ORDER_TOTAL_MINOR = 10**13
MAX_CUSTOMER_TOTAL_MINOR = 10**15
# GraphQL's Int is 32-bit: `Money.minorUnits` is null above it.
MAX_GRAPHQL_INT = 2**31 - 1
# Neo4j's integers are 64-bit: a stored sum saturates here rather than fail a read or a write.
MAX_NEO4J_INT = 2**63 - 1

# ASCII digits only: `Decimal` itself reads the digits of any script (full-width "12" as 12),
# which a price typed in a full-width field must not become.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?", re.ASCII)
MAX_DECIMAL_TEXT = 64


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def parse_decimal(text: str) -> Decimal:
    """A decimal written in ASCII digits (an optional sign, point and exponent), or ValueError."""
    if len(text) > MAX_DECIMAL_TEXT or not _DECIMAL.fullmatch(text):
        raise ValueError("Expected a decimal number in ASCII digits, e.g. 12.50.")
    return Decimal(text)


def to_minor(
    amount: Decimal | str, currency: str, field: str, *, maximum: int | None = None
) -> int:
    """Decimal amount to minor units; more decimals than the currency has is an error. Beyond
    `maximum` minor units either way is VALUE_OUT_OF_RANGE (with the bound); without one, an
    amount the graph could not store is bad input."""
    try:
        value = Decimal(amount)
    except (InvalidOperation, ValueError):
        raise BadUserInput("Not a decimal amount.", field=field) from None
    if not value.is_finite():
        raise BadUserInput("An amount must be a finite number.", field=field)
    scaled = value.scaleb(exponent(currency))
    if maximum is not None and abs(scaled) > maximum:
        raise out_of_range(maximum, currency, field)
    if abs(scaled) > MAX_MINOR:
        raise BadUserInput("This amount is too large.", field=field)
    if scaled != scaled.to_integral_value():
        raise BadUserInput(
            f"{currency} amounts have at most {exponent(currency)} decimals.", field=field
        )
    return int(scaled)


def out_of_range(maximum: int, currency: str, field: str) -> ValueOutOfRange:
    limit = str(to_decimal(maximum, currency))
    return ValueOutOfRange(f"At most {limit} {currency}.", field=field, limit=limit)


def to_decimal(minor: int, currency: str) -> Decimal:
    places = exponent(currency)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def require_currency(currency: str, field: str) -> str:
    code = currency.upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise BadUserInput("Not an ISO 4217 currency code.", field=field)
    return code
