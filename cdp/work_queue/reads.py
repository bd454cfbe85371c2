"""An account owner's work queue for a day, in one statement.

Most pressing first: complaints past their due time, then open complaints by due time, then
overdue invoices by amount due times days overdue, then goals at risk, then follow-ups and
greetings due that day. The queue of `owner` holds the items of the customers they own now (and
their goals); without an owner, the items of customers nobody owns (and the business's goals).
An item whose contact the policy would refuse is kept, with the policy's reasons (`contact`),
not hidden.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cdp.access.viewer import Role
from cdp.compiler.cypher import QueryBuilder, Statement, braced, record
from cdp.compiler.projection import page_size, project
from cdp.compiler.selection import Selected
from cdp.contact_policy import facts as policy_facts
from cdp.contact_policy.rules import decide
from cdp.errors import Forbidden
from cdp.goals import progress
from cdp.request import Operation
from cdp.work_queue.model import SPECS

QUEUE_PAGE = 100
TYPES = tuple(spec.name for spec in SPECS)
# The contact each kind of item calls for, and on which channel when it names none.
_CONTACT_KIND = {
    "InvoiceReminder": "REMINDER",
    "FollowUpDue": "FOLLOW_UP",
    "GreetingDue": "GREETING",
}
_OWNED = "MATCH (:Employee {id: $owner})-[owns:OWNS]->(c:Customer) WHERE owns.until IS NULL"
_UNOWNED = (
    "MATCH (c:Customer) "
    "WHERE NOT EXISTS { MATCH (c)<-[owns:OWNS]-(:Employee) WHERE owns.until IS NULL }"
)


def _branches(customers: str) -> list[str]:
    """One part of the queue per kind of item, each returning the customer and the item."""
    complaints = (
        f"{customers} MATCH (c)-[:HAD]->(t:Touchpoint) "
        "WHERE t.kind = 'COMPLAINT' AND NOT coalesce(t.resolved, false) AND t.dueAt IS NOT NULL "
        "WITH c, t, datetime() > t.dueAt AS breached "
        "RETURN c, "
        + record(
            type="'ComplaintDue'",
            rank="CASE WHEN breached THEN 0 ELSE 1 END",
            sortKey="toFloat(t.dueAt.epochMillis)",
            reason="CASE WHEN breached THEN 'Complaint past its due time' ELSE 'Complaint due' END",
            customer="c",
            touchpoint="t",
            dueAt="t.dueAt",
            breached="breached",
            channel="t.channel",
        )
        + " AS item"
    )
    invoices = (
        f"{customers} MATCH (c)-[:PLACED]->(o:Order) "
        "WHERE o.status IN ['PENDING', 'COMPLETED'] AND o.paidAt IS NULL "
        "AND o.invoiceDueDate < $on "
        "WITH c, o, duration.inDays(o.invoiceDueDate, $on).days AS days "
        "RETURN c, "
        + record(
            type="'InvoiceReminder'",
            rank="2",
            sortKey="-toFloat(coalesce(o.totalMinor, 0)) * days",
            reason="'Invoice ' + toString(days) + ' days overdue'",
            customer="c",
            invoiced="o",
            daysOverdue="days",
            amountMinor="o.totalMinor",
            currency="o.currency",
            lastReminderAt="COLLECT { MATCH (o)<-[:REMINDS]-(r:Touchpoint) "
            "RETURN r.occurredAt ORDER BY r.occurredAt DESC LIMIT 1 }[0]",
            channel="coalesce(c.preferredChannel, 'EMAIL')",
        )
        + " AS item"
    )
    follow_ups = (
        f"{customers} MATCH (c)-[:HAD]->(t:Touchpoint) "
        "WHERE t.followUpAt < $dayEnd "
        "RETURN c, "
        + record(
            type="'FollowUpDue'",
            rank="4",
            sortKey="toFloat(t.followUpAt.epochMillis)",
            reason="'Follow-up due'",
            customer="c",
            touchpoint="t",
            dueAt="t.followUpAt",
            channel="t.channel",
        )
        + " AS item"
    )
    greetings = (
        f"{customers} "
        "WITH c, date(datetime({datetime: c.createdAt, timezone: $zone})) AS since "
        "WITH c, [occasion IN ["
        "CASE WHEN c.birthDate.month = $on.month AND c.birthDate.day = $on.day "
        "THEN ['BIRTHDAY', $on.year - c.birthDate.year] END, "
        "CASE WHEN since.month = $on.month AND since.day = $on.day AND since.year < $on.year "
        "THEN ['ANNIVERSARY', $on.year - since.year] END"
        "] WHERE occasion IS NOT NULL] AS occasions "
        "UNWIND occasions AS occasion "
        "RETURN c, "
        + record(
            type="'GreetingDue'",
            rank="4",
            sortKey="toFloat($dayEndMillis)",
            reason="CASE occasion[0] WHEN 'BIRTHDAY' THEN 'Birthday' "
            "ELSE 'Customer for ' + toString(occasion[1]) + ' years' END",
            customer="c",
            occasion="occasion[0]",
            on="$on",
            years="occasion[1]",
            channel="coalesce(c.preferredChannel, 'EMAIL')",
        )
        + " AS item"
    )
    return [complaints, invoices, follow_ups, greetings]


def _goals_at_risk(qb: QueryBuilder, *, owned: bool) -> list[str]:
    """Goals active on the day and off track: the owner's own and their customers' (or, in
    the unassigned queue, the business's and those of customers nobody owns), worst first."""
    holders = (
        [
            "MATCH (:Employee {id: $owner})-[:HAS_GOAL]->(g:Goal) WITH null AS c, g",
            f"{_OWNED} MATCH (c)-[:HAS_GOAL]->(g:Goal)",
        ]
        if owned
        else [
            "MATCH (g:Goal {scope: 'BUSINESS'}) WITH null AS c, g",
            f"{_UNOWNED} MATCH (c)-[:HAS_GOAL]->(g:Goal)",
        ]
    )
    return [
        f"{holder} WITH c, g WHERE g.periodFrom <= $on <= g.periodTo "
        f"WITH c, g, {progress.status(qb, 'g')} AS p WHERE NOT ({progress.on_track('p')}) "
        "RETURN c, "
        + record(
            type="'GoalAtRisk'",
            rank="3",
            sortKey="toFloat(p.amount) / toFloat(p.target)",
            reason="'Goal off track: ' + toLower(g.metric)",
            customer="c",
            goal="g",
        )
        + " AS item"
        for holder in holders
    ]


def compile_work_queue(
    qb: QueryBuilder,
    selected: Selected,
    *,
    on: date,
    zone: ZoneInfo,
    now: datetime,
) -> Statement:
    """The queue of `selected`'s owner (argument `owner`) on the business day `on`."""
    owner = selected.args.get("owner")
    if owner is None:
        if qb.policy.viewer.role is not Role.ADMIN:
            raise Forbidden("The queue of customers nobody owns is the admins'.", field="owner")
    else:
        qb.registry.require_id(owner, "Employee", "owner")
    items = " UNION ALL ".join(
        [
            *_branches(_UNOWNED if owner is None else _OWNED),
            *_goals_at_risk(qb, owned=owner is not None),
        ]
    )
    projected = " ".join(
        f"WHEN '{name}' THEN {project(qb, name, 'item', selected, typed=True)}" for name in TYPES
    )
    text = (
        f"CALL () {braced(f' {items} ')} "
        "WITH c, item ORDER BY item.rank, item.sortKey, c.id LIMIT $first "
        "WITH collect([c, item]) AS rows "
        "UNWIND range(0, size(rows) - 1) AS i "
        "WITH rows[i][0] AS c, rows[i][1] AS item, i + 1 AS priority "
        "WITH c, item {.*, priority: priority} AS item "
        f"RETURN CASE item.type {projected} END AS row, item.type AS type, "
        "item.channel AS channel, item.lastReminderAt AS lastReminder, "
        f"{policy_facts.facts_of('c')} AS facts, "
        f"{policy_facts.POLICY} AS policy"
    )
    day_end = datetime.combine(on + timedelta(days=1), time(0), zone).astimezone(UTC)
    params = {
        **qb.params,
        **policy_facts.window(now),
        "owner": owner,
        "on": on,
        "zone": zone.key,
        "dayEnd": day_end,
        "dayEndMillis": int(day_end.timestamp() * 1000),
        "first": page_size(selected.args.get("first"), QUEUE_PAGE, qb.max_page),
    }
    return Statement(text, params, frozenset(qb.pii_read))


async def work_queue(
    op: Operation, selected: Selected, *, on: date, zone: ZoneInfo
) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    statement = compile_work_queue(op.query(), selected, on=on, zone=zone, now=now)
    # Beside each item's row, what its contact is decided with (`_with_contact`).
    records = await op.read_records(statement)
    return [_with_contact(selected, record, now) for record in records]


def _with_contact(selected: Selected, found: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The item's row, with the policy's decision on its contact where the client asked."""
    row: dict[str, Any] = found["row"]
    kind = _CONTACT_KIND.get(found["type"])
    for child in selected.for_type(frozenset({found["type"], "WorkItem"})):
        if child.name != "contact":
            continue
        if kind is None:
            row[child.key] = None
            continue
        decision = decide(
            policy_facts.policy_of(found["policy"]),
            policy_facts.facts(found["facts"]),
            kind=kind,
            channel=found["channel"],
            at=now,
            last_reminder=last.to_native() if (last := found["lastReminder"]) is not None else None,
        )
        row[child.key] = {
            "allowed": decision.allowed,
            "reasons": [{"rule": r.rule.value, "message": r.message} for r in decision.reasons],
            "next_allowed_at": decision.next_allowed_at,
        }
    return row
