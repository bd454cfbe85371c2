"""Money is stored as integer minor units with a currency, and shown as a decimal string."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from cdp.errors import BadUserInput

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


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def to_minor(amount: Decimal | str, currency: str, field: str) -> int:
    """Decimal amount to minor units; more decimals than the currency has is an error."""
    try:
        value = Decimal(amount)
    except (InvalidOperation, ValueError):
        raise BadUserInput(f"{amount!r} is not a decimal amount.", field=field) from None
    if not value.is_finite():
        raise BadUserInput("An amount must be a finite number.", field=field)
    scaled = value.scaleb(exponent(currency))
    if abs(scaled) > MAX_MINOR:
        raise BadUserInput("This amount is too large.", field=field)
    if scaled != scaled.to_integral_value():
        raise BadUserInput(
            f"{currency} amounts have at most {exponent(currency)} decimals.", field=field
        )
    return int(scaled)


def to_decimal(minor: int, currency: str) -> Decimal:
    places = exponent(currency)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def require_currency(currency: str, field: str) -> str:
    code = currency.upper()
    if len(code) != 3 or not code.isalpha():
        raise BadUserInput(f"{currency!r} is not an ISO 4217 currency code.", field=field)
    return code
