"""How touchpoints are read: every contact with a customer, and who handled it.

(:Customer)-[:HAD]->(:Touchpoint)-[:HANDLED_BY]->(:Employee). A complaint carries the time it is
due (`dueAt`, from the service-level table when it was recorded) and, once resolved, when, how
and whether at first contact.
"""

from __future__ import annotations

from cdp import validation
from cdp.access import privacy
from cdp.access.policy import rules
from cdp.campaigns.model import CAMPAIGN_OF_TOUCHPOINT
from cdp.compiler.cypher import QueryBuilder, collect, map_literal, record
from cdp.compiler.pagination import Sort, SortKey
from cdp.compiler.projection import NODE, Moment, ObjectSpec, Related, expression, project, prop
from cdp.compiler.selection import Selected

# What a touchpoint may be about, in the order lists of them are shown.
KINDS = (
    "INQUIRY",
    "COMPLAINT",
    "SERVICE",
    "SALE",
    "MARKETING",
    "REMINDER",
    "FOLLOW_UP",
    "GREETING",
    "OFFER",
    "ACCOUNT_REVIEW",
)
TOUCHPOINT_SORTS = {"NEWEST": Sort("NEWEST", [SortKey("occurredAt", "datetime", descending=True)])}


def touchpoint_filters(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    """The arguments of a customer's touchpoints. A list left out (or null) filters nothing;
    an empty one matches nothing."""
    conditions = []
    for argument, prop_name in (("channels", "channel"), ("kinds", "kind")):
        values = validation.choices(selected.args.get(argument), f"{selected.name}.{argument}")
        if values is not None:
            conditions.append(f"{x}.{prop_name} IN {qb.param(values)}")
    if selected.args.get("since") is not None:
        conditions.append(f"{x}.occurredAt >= {qb.param(selected.args['since'])}")
    if selected.args.get("until") is not None:
        conditions.append(f"{x}.occurredAt < {qb.param(selected.args['until'])}")
    return conditions


def _breached(t: str) -> str:
    """Resolved after its due time, or open past it (the statement's time is now)."""
    return (
        f"CASE WHEN coalesce({t}.resolved, false) THEN coalesce({t}.resolvedAt > {t}.dueAt, false) "
        f"ELSE datetime() > {t}.dueAt END"
    )


def _policy_reasons(t: str) -> str:
    """The rules of the contact policy a recorded contact broke, each with its words."""
    return (
        f"[i IN range(0, size(coalesce({t}.policyReasons, [])) - 1) | "
        + record(rule=f"{t}.policyReasons[i]", message=f"{t}.policyMessages[i]")
        + "]"
    )


def service_level(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """A complaint's service level; null for other touchpoints, and for complaints recorded
    before service levels were kept."""
    status = project(qb, "SlaStatus", var, selected)
    return f"CASE WHEN {var}.dueAt IS NULL THEN null ELSE {status} END"


def _within_int(seconds: str) -> str:
    """Seconds kept within GraphQL's 32-bit Int (a due time stored decades away still reads)."""
    return (
        f"CASE WHEN {seconds} > 2147483647 THEN 2147483647 "
        f"WHEN {seconds} < -2147483648 THEN -2147483648 ELSE {seconds} END"
    )


def breached(t: str) -> str:
    """Touchpoint `t` has a due time and breached it (`_breached`); never null, so that it
    can be negated: a touchpoint without a due time is not breached."""
    return f"({t}.dueAt IS NOT NULL AND ({_breached(t)}))"


def service_stats(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """An employee's record with the touchpoints they handled (since `since`, if given):
    complaints, how they were resolved, satisfaction, and the mix by kind."""
    t, hs, h, k = qb.variable("t"), qb.variable("hs"), qb.variable("h"), qb.variable("k")
    # Each list comprehension nested in another has a variable of its own.
    h2, h3, k2 = qb.variable("h"), qb.variable("h"), qb.variable("k")
    since = selected.args.get("since")
    where = f" WHERE {t}.occurredAt >= {qb.param(since)}" if since is not None else ""
    handled = collect(
        f"MATCH ({var})<-[:HANDLED_BY]-({t}:Touchpoint){where} "
        + "RETURN "
        + record(
            kind=f"{t}.kind",
            satisfaction=f"{t}.satisfaction",
            firstContactResolution=f"coalesce({t}.firstContactResolution, false)",
            resolved=f"coalesce({t}.resolved, false)",
            breached=breached(t),
        )
    )
    complaints = f"[{h} IN {hs} WHERE {h}.kind = 'COMPLAINT']"
    resolved = f"[{h2} IN {complaints} WHERE {h2}.resolved]"
    rated = f"[{h} IN {hs} WHERE {h}.satisfaction IS NOT NULL | {h}.satisfaction]"

    def average(ratings: str) -> str:
        total = f"reduce(s = 0, r IN {ratings} | s + r)"
        return (
            f"CASE WHEN size({ratings}) = 0 THEN null ELSE toFloat({total}) / size({ratings}) END"
        )

    def by_kind(child: Selected) -> str:
        of_kind = f"[{h} IN {hs} WHERE {h}.kind = {k}]"
        fields = {
            "kind": k,
            "count": f"size({of_kind})",
            "averageSatisfaction": average(
                f"[{h2} IN {of_kind} WHERE {h2}.satisfaction IS NOT NULL | {h2}.satisfaction]"
            ),
            "__typename": "'KindStats'",
        }
        body = map_literal({grand.key: fields[grand.name] for grand in child.fields})
        # The kinds handled, in the order of the kinds' list.
        handled_kinds = (
            f"[{k2} IN {qb.param(list(KINDS))} WHERE any({h} IN {hs} WHERE {h}.kind = {k2})]"
        )
        return f"[{k} IN {handled_kinds} | {body}]"

    compilers = {
        "touchpoints": f"size({hs})",
        "complaints": f"size({complaints})",
        "resolved": f"size({resolved})",
        "firstContactRate": (
            f"CASE WHEN size({resolved}) = 0 THEN null ELSE "
            f"toFloat(size([{h3} IN {resolved} WHERE {h3}.firstContactResolution])) "
            f"/ size({resolved}) END"
        ),
        "breaches": f"size([{h2} IN {complaints} WHERE {h2}.breached])",
        "averageSatisfaction": average(rated),
        "__typename": "'ServiceStats'",
    }
    entries = {
        child.key: by_kind(child) if child.name == "byKind" else compilers[child.name]
        for child in selected.fields
    }
    return f"[{hs} IN [{handled}] | {map_literal(entries)}][0]"


SPECS = (
    ObjectSpec(
        "Touchpoint",
        interfaces=NODE,
        owner=lambda customer, n: f"({customer}:Customer)-[:HAD]->({n})",
        id_prefix="tpt",
        masks=privacy.hidden("summary", "outcome", "resolution"),
        fields={
            "id": prop("id"),
            "channel": prop("channel"),
            "direction": prop("direction"),
            "kind": prop("kind"),
            "occurredAt": Moment("occurredAt"),
            "summary": prop("summary"),
            "outcome": prop("outcome"),
            "satisfaction": prop("satisfaction"),
            "resolved": prop("resolved", "false"),
            "resolvedAt": Moment("resolvedAt"),
            "resolution": prop("resolution"),
            "firstContactResolution": prop("firstContactResolution"),
            "followUpAt": Moment("followUpAt"),
            "sla": service_level,
            "overPolicy": prop("overPolicy", "false"),
            "policyReasons": expression(_policy_reasons),
            "override": expression(
                lambda t: (
                    f"CASE WHEN {t}.overrideReason IS NULL THEN null "
                    f"ELSE {record(reason=f'{t}.overrideReason', by=f'{t}.overriddenBy')} END"
                )
            ),
            "order": Related(
                "Order", lambda v, x, _: f"({v})-[:REMINDS]->({x}:Order)", single=True
            ),
            "campaign": CAMPAIGN_OF_TOUCHPOINT,
            "inReplyTo": Related(
                "Touchpoint",
                lambda v, x, _: f"({v})-[:REPLIES_TO]->({x}:Touchpoint)",
                single=True,
            ),
            "handledBy": Related(
                "Employee",
                lambda v, x, _: f"({v})-[:HANDLED_BY]->({x}:Employee)",
                single=True,
            ),
            "customer": Related(
                "Customer", lambda v, x, _: f"({v})<-[:HAD]-({x}:Customer)", single=True
            ),
        },
    ),
    ObjectSpec(
        "SlaStatus",
        fields={
            "dueAt": Moment("dueAt"),
            "breached": expression(_breached),
            # Whole seconds until due (negative past it); null once resolved.
            "remaining": expression(
                lambda t: (
                    f"CASE WHEN coalesce({t}.resolved, false) THEN null ELSE "
                    + _within_int(f"duration.inSeconds(datetime(), {t}.dueAt).seconds")
                    + " END"
                )
            ),
        },
    ),
)

ACCESS = rules(
    agent=["recordTouchpoint", "resolveComplaint", "updateTouchpoint"],
    partner=["recordTouchpoint"],
    # An employee, and how the business serves its complaints: not a partner's business.
    hidden_from_partner=[
        "Touchpoint.handledBy",
        "Touchpoint.sla",
        "Touchpoint.resolution",
        "Touchpoint.followUpAt",
        "Employee.serviceStats",
    ],
)
