"""How personal data (PII) reads for a viewer who may not see it: partly hidden, keeping what
is not personal (an e-mail's domain, a phone's last digits) so a masked record is still useful
to work with. Each type declares its personal fields with these masks (`ObjectSpec.masks`)."""

from __future__ import annotations

from collections.abc import Callable

# A masked value as a Cypher expression of the object's variable.
Mask = Callable[[str], str]


def initials(v: str) -> str:
    """A name as its initials: `Ada Lovelace` reads `A. L. `."""
    return f"reduce(s = '', w IN split({v}.name, ' ') | s + left(w, 1) + '. ')"


def emails(v: str) -> str:
    """Each e-mail address as its first letter and its domain."""
    return f"[e IN coalesce({v}.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]"


def phones(v: str) -> str:
    """Each phone number as its last two digits."""
    return f"[p IN coalesce({v}.phones, []) | '***' + right(p, 2)]"


def withheld(_: str) -> str:
    """Nothing at all (a birth date tells too much even in part)."""
    return "null"


def hidden(*names: str) -> dict[str, Mask]:
    """Free-text properties that read `[masked]` when they hold anything."""
    return {name: _hidden(name) for name in names}


def _hidden(name: str) -> Mask:
    return lambda v: f"CASE WHEN {v}.{name} IS NULL THEN null ELSE '[masked]' END"


# Filters and sorts of the customer list that would reveal masked values by trial and error
# (an oracle).
PII_FILTERS = frozenset({"name", "email"})
PII_SORTS = frozenset({"NAME_ASC", "NAME_DESC"})
