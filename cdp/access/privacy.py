"""Which fields hold personal data (PII), declared here and nowhere else, and how they read
when the viewer may not see them: partly hidden, keeping what is not personal (an e-mail's
domain, a phone's last digits) so a masked record is still useful to work with."""

from __future__ import annotations

# type -> field -> Cypher template of its masked value over `{v}` (the object's variable).
MASKS: dict[str, dict[str, str]] = {
    "Customer": {
        # An organization's name is no one's personal data; a person's is.
        "name": (
            "CASE WHEN {v}.kind = 'PERSON' THEN "
            "reduce(s = '', w IN split({v}.name, ' ') | s + left(w, 1) + '. ') "
            "ELSE {v}.name END"
        ),
        "emails": "[e IN coalesce({v}.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]",
        "phones": "[p IN coalesce({v}.phones, []) | '***' + right(p, 2)]",
        "notes": "CASE WHEN {v}.notes IS NULL THEN null ELSE '[masked]' END",
    },
    "Demographics": {
        "birthDate": "null",
    },
    "Address": {
        "line1": "CASE WHEN {v}.line1 IS NULL THEN null ELSE '[masked]' END",
        "line2": "CASE WHEN {v}.line2 IS NULL THEN null ELSE '[masked]' END",
        "postalCode": "CASE WHEN {v}.postalCode IS NULL THEN null ELSE '[masked]' END",
    },
    "Contact": {
        "name": "reduce(s = '', w IN split({v}.name, ' ') | s + left(w, 1) + '. ')",
        "emails": "[e IN coalesce({v}.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]]",
        "phones": "[p IN coalesce({v}.phones, []) | '***' + right(p, 2)]",
    },
    "Touchpoint": {
        "summary": "CASE WHEN {v}.summary IS NULL THEN null ELSE '[masked]' END",
        "outcome": "CASE WHEN {v}.outcome IS NULL THEN null ELSE '[masked]' END",
    },
    # Why one customer influences another, in an employee's words: names and e-mail addresses.
    "Influence": {
        "evidence": "CASE WHEN {v}.evidence IS NULL THEN null ELSE '[masked]' END",
    },
    "ExternalId": {},
}

# Filters and sorts that would reveal masked values by trial and error (an oracle).
PII_FILTERS = frozenset({"name", "email"})
PII_SORTS = frozenset({"NAME_ASC", "NAME_DESC"})


def is_pii(type_name: str, field_name: str) -> bool:
    return field_name in MASKS.get(type_name, {})
