"""GraphQL in, Cypher and parameters out, without a database: each case is a document (with its
variables) read by a viewer. The document is validated against the real schema, each root field
is read into its `Selected` tree as the resolvers read it, compiled by the real compiler, and
the statements are compared with the case's committed snapshot.

`CDP_UPDATE_SNAPSHOTS=1 pytest tests/unit` writes the snapshots anew; review their diff.
"""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from graphql import parse, validate

from cdp import bounds, nodes
from cdp.access.policy import Policy
from cdp.access.viewer import PII_READ, Role, Viewer
from cdp.campaigns import reads as campaign_reads
from cdp.compiler.cypher import QueryBuilder, Statement
from cdp.compiler.selection import Selected
from cdp.customers import reads
from cdp.errors import BadUserInput, CdpError
from cdp.goals import reads as goal_reads
from cdp.orders import reads as order_reads
from cdp.read_model import ACCESS_RULES, READ_MODEL
from cdp.touchpoints import reads as touchpoint_reads
from cdp.work_queue import reads as work_queue_reads
from schema.root import schema
from schema.selection import document_selection

SNAPSHOTS = Path(__file__).with_name("snapshots")
UPDATE = os.environ.get("CDP_UPDATE_SNAPSHOTS") == "1"
PARTNER_ID = "ptn_00000000000000000000000000000001"
# The business's date the order list is compiled with (the resolver reads the clock instead).
TODAY = date(2026, 3, 10)
# The moment the work queue's contact decisions are read for.
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)

VIEWERS: dict[str, Viewer] = {
    "admin": Viewer("key_admin", Role.ADMIN),
    "agent": Viewer("key_agent", Role.AGENT),  # without pii:read: personal data masked
    "agent with pii:read": Viewer("key_agent_pii", Role.AGENT, frozenset({PII_READ})),
    "analyst": Viewer("key_analyst", Role.ANALYST),
    "analyst with pii:read": Viewer("key_analyst_pii", Role.ANALYST, frozenset({PII_READ})),
    "partner": Viewer("key_partner", Role.PARTNER, partner_id=PARTNER_ID),
    "partner with pii:read": Viewer(
        "key_partner_pii", Role.PARTNER, frozenset({PII_READ}), partner_id=PARTNER_ID
    ),
}


def ids(prefix: str, number: int) -> str:
    """A well-formed id of our kind (`cus_0…01`)."""
    return f"{prefix}_{number:032x}"


@dataclass(frozen=True)
class Case:
    name: str
    document: str
    variables: Mapping[str, Any] = field(default_factory=dict)
    viewer: str = "admin"
    max_page: int = bounds.PAGE_LIMIT

    def __str__(self) -> str:
        return self.name


def compile_root(qb: QueryBuilder, selected: Selected) -> Statement | None:
    """What the resolver of root field `selected` compiles (None: it answers without a query)."""
    args = selected.args
    qb.policy.check_field("Query", selected.name)  # the root fields' MayRead permission
    qb.business_day = lambda: TODAY  # what a request's operation reads (a goal's elapsed share)
    if selected.name == "customer":
        if READ_MODEL.label_of(args["id"]) != "Customer":
            return None
        return reads.compile_customer(qb, args["id"], selected)
    if selected.name == "customerByExternalId":
        if not args["system"] or not args["value"]:
            raise BadUserInput("Give both the system and the value.", field="system")
        return reads.compile_customer_by_external_id(qb, args["system"], args["value"], selected)
    if selected.name == "customers":
        return reads.compile_customers(qb, selected)
    if selected.name == "orders":
        return order_reads.compile_orders(qb, selected, TODAY)
    if selected.name == "workQueue":
        return work_queue_reads.compile_work_queue(
            qb, selected, on=TODAY, zone=ZoneInfo("Europe/Berlin"), now=NOW
        )
    if selected.name == "touchpoints":
        return touchpoint_reads.compile_touchpoints(qb, selected)
    if selected.name == "goals":
        return goal_reads.compile_goals(qb, selected)
    if selected.name == "campaigns":
        return campaign_reads.compile_campaigns(qb, selected)
    if selected.name == "campaign":
        if READ_MODEL.label_of(args["id"]) != "Campaign":
            return None
        return campaign_reads.compile_campaign(qb, args["id"], selected)
    if selected.name == "searchCustomers":
        return reads.compile_search(qb, args["text"], args["first"], selected)
    if selected.name == "node":
        return nodes.compile_node(qb, args["id"], selected)
    listed = {
        "products": "Product",
        "acquisitionSources": "AcquisitionSource",
        "employees": "Employee",
    }
    if selected.name in listed:
        label = listed[selected.name]
        return nodes.compile_listing(qb, label, args["first"], selected)
    raise AssertionError(f"no compiled read for Query.{selected.name}")


def compiled(case: Case) -> str:
    """The case's snapshot: the document, then each root field's statement or error."""
    document = parse(case.document)
    errors = validate(schema._schema, document)
    assert not errors, [error.message for error in errors]
    lines = [
        f"// {case.name}, read by: {case.viewer}"
        + (f" (page limit {case.max_page})" if case.max_page != bounds.PAGE_LIMIT else ""),
        *_comment(textwrap.dedent(case.document).strip()),
    ]
    if case.variables:
        lines += _comment("variables: " + _json(case.variables, indent=None))
    for selected in document_selection(schema._schema, document, case.variables):
        qb = QueryBuilder(Policy(VIEWERS[case.viewer], ACCESS_RULES), READ_MODEL, case.max_page)
        lines += ["", f"// --- {selected.key}"]
        try:
            statement = compile_root(qb, selected)
        except CdpError as error:
            lines.append(f"// error {error.code}{_at(error)}: {error.message}")
            continue
        if statement is None:
            lines.append("// no statement: nothing can match")
            continue
        assert "\n" not in statement.text
        lines.append(layout(statement.text))
        lines.append("// params")
        lines += _comment(_json(statement.params, indent=2))
        if statement.pii_read:
            lines.append(f"// personal data read: {', '.join(sorted(statement.pii_read))}")
    return "\n".join(lines) + "\n"


def check(case: Case, folder: str) -> None:
    """Compare the case's compiled statements with its snapshot (or write it, updating)."""
    path = SNAPSHOTS / folder / f"{case.name}.cypher"
    actual = compiled(case)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != actual:
            path.write_text(actual)
        return
    assert path.exists(), f"no snapshot {path.name}: run with CDP_UPDATE_SNAPSHOTS=1"
    assert actual == path.read_text(), f"{path} differs (CDP_UPDATE_SNAPSHOTS=1 rewrites it)"


_CLAUSES = ("MATCH ", "WHERE ", "WITH ", "RETURN ", "ORDER BY ", "LIMIT ", "YIELD ", "CALL ")
_SUBQUERIES = ("COLLECT ", "COUNT ", "EXISTS ")


def layout(text: str) -> str:
    """The statement with each clause on a line of its own, indented by the subqueries it is
    in. Only spaces become line breaks (and the indentation follows from the text), so two
    statements that differ have layouts that differ."""
    out: list[str] = []
    braces: list[bool] = []  # for each open brace: whether it opens a subquery
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'`\"":
            quote = char
        elif char == "{":
            braces.append(text[:index].endswith(_SUBQUERIES))
        elif char == "}":
            braces.pop()
        elif char == " " and text.startswith(_CLAUSES, index + 1):
            out.append("\n" + "  " * sum(braces))
            continue
        out.append(char)
    return "".join(out)


def _comment(text: str) -> list[str]:
    return [f"// {line}".rstrip() for line in text.splitlines()]


def _at(error: CdpError) -> str:
    return f" at {error.field}" if error.field else ""


def _json(value: Any, indent: int | None) -> str:
    return json.dumps(value, indent=indent, default=_typed, ensure_ascii=False)


def _typed(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return {type(value).__name__: value.isoformat()}
    raise TypeError(f"no JSON for {value!r}")


CUSTOMER_ID = ids("cus", 1)


def customer_case(name: str, fields: str, viewer: str = "admin") -> Case:
    """A case that reads `fields` of one customer."""
    document = f"query ($id: ID!) {{\n  customer(id: $id) {{\n{_indent(fields)}\n  }}\n}}"
    return Case(name, document, {"id": CUSTOMER_ID}, viewer)


def _indent(fields: str) -> str:
    return textwrap.indent(textwrap.dedent(fields).strip(), "    ")
