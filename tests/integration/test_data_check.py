"""`cdp check` lists stored records that break rules added after they were written."""

from __future__ import annotations

import asyncio

from typer.testing import CliRunner, Result

from cdp import data_check
from cdp.cli.commands import app
from cdp.store.graph import Graph

# Records as older versions could write them: each breaks one rule, and all still read.
_OLD_RECORDS = """
CREATE (a:Customer {id: 'cus_a', name: 'Ann', emails: $emails, birthDate: date('9999-12-31')})
CREATE (b:Customer {id: 'cus_b', name: '\u200b'})
CREATE (c:Customer {id: 'cus_c', name: 'Cy'})
CREATE (x:ExternalId {system: 'shop', value: '7'})
CREATE (a)-[:IDENTIFIED_BY]->(x), (b)-[:IDENTIFIED_BY]->(x)
CREATE (p:Product {id: 'prd_1', name: 'Pen'})
CREATE (c)-[:PLACED]->(o:Order {id: 'ord_1', placedAt: datetime('2026-05-02T10:00:00Z'),
                                invoiceDueDate: date('2026-05-01'), totalMinor: 100000000000000})
CREATE (o)-[:CONTAINS {quantity: 2147483647, unitPriceMinor: 1000}]->(p)
CREATE (c)-[:PLACED]->(:Order {id: 'ord_2', status: 'PLANNED', totalMinor: 100,
                               placedAt: datetime('2026-05-02T10:00:00Z'),
                               invoiceDueDate: date('2026-06-01')})
CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: 'SHARING', channel: 'EMAIL', status: 'WITHDRAWN'})
"""


async def test_each_rule_lists_the_records_that_break_it(graph: Graph) -> None:
    emails = [f"a{n}@example.com" for n in range(51)]
    await graph.write_query(_OLD_RECORDS, {"emails": emails})
    found = {f.rule.name: f.sample for f in await data_check.check(graph) if f.count}
    assert found == {
        "shared-external-id": ["shop:7"],
        "invisible-name": ["cus_b"],
        "birth-date-range": ["cus_a"],
        "too-many-emails": ["cus_a"],
        "order-line-range": ["ord_1"],
        "order-total-range": ["ord_1"],
        "invoice-due-before-placed": ["ord_1"],
        "planned-with-invoice": ["ord_2"],
        "sharing-with-channel": ["cus_c"],
    }


async def check_command(env: dict[str, str]) -> Result:
    # The command runs its own event loop: in a thread, beside the test's.
    return await asyncio.to_thread(CliRunner().invoke, app, ["check"], env=env)


async def test_the_command_exits_1_while_records_break_a_rule(
    env: dict[str, str], graph: Graph
) -> None:
    clean = await check_command(env)
    assert clean.exit_code == 0, clean.output
    assert "Every stored record keeps all" in clean.output

    await graph.write_query("CREATE (:Customer {id: 'cus_z', name: ' '})")
    broken = await check_command(env)
    assert broken.exit_code == 1, broken.output
    assert "invisible-name: 1 customers whose name is empty" in broken.output
    assert "  cus_z\n" in broken.output
