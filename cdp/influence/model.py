"""How influence between customers is read.

(:Customer)-[:INFLUENCES {strength, kind, since, evidence}]->(:Customer).
"""

from __future__ import annotations

from cdp.access import privacy
from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder
from cdp.compiler.projection import Moment, ObjectSpec, other, prop
from cdp.compiler.selection import Selected


def strength_filter(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    """`minStrength` of a customer's influences."""
    minimum = selected.args.get("min_strength")
    return [f"{x}.strength >= {qb.param(minimum)}"] if minimum is not None else []


SPECS = (
    ObjectSpec(
        "Influence",
        edge=True,
        guarded_by="other_end",  # the other customer
        # Why one customer influences another, in an employee's words: names and e-mails.
        masks=privacy.hidden("evidence"),
        fields={
            "customer": other("Customer"),
            "strength": prop("strength"),
            "kind": prop("kind"),
            "since": Moment("since"),
            "evidence": prop("evidence"),
        },
    ),
)

ACCESS = rules(agent=["linkInfluence", "unlinkInfluence"])
