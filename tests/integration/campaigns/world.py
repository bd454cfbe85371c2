"""The hand-built graph of the campaign tests, and its campaigns created through the API.

Times are UTC, the business's zone. Spring runs 1-31 March 2026 on the source "Spring sale"
(kind CAMPAIGN); its orders count until 30 June 00:00 (its end and 90 days). Autumn runs 1-30
September 2026 on a source of its own.

| customer | touched by                                               | first touch       |
| Ann      | acquired through Spring sale 03-05                       | Spring 03-05      |
| Ben      | acquired through Website 02-01; touchpoint Spring 03-03  | Spring 03-03      |
| Cat      | touchpoint Autumn 02-15; touchpoint Spring 03-04         | Autumn 02-15      |
| Dan      | acquired through Spring sale 03-20                       | Spring 03-20      |
| Eli      | none                                                     |                   |

| order | customer | status    | placed     | total  | currency | counts for        |
| A1    | Ann      | COMPLETED | 03-10      | 100.00 | EUR      | Spring            |
| A2    | Ann      | COMPLETED | 06-20      |  50.00 | EUR      | Spring (window)   |
| A3    | Ann      | COMPLETED | 07-15      |  70.00 | EUR      | no: after window  |
| A4    | Ann      | PENDING   | 03-12      |  30.00 | EUR      | no: not completed |
| A5    | Ann      | COMPLETED | 03-11      |  20.00 | USD      | no: other currency|
| B1    | Ben      | COMPLETED | 03-02      |  40.00 | EUR      | no: before touch  |
| B2    | Ben      | COMPLETED | 03-20      |  60.00 | EUR      | Spring            |
| C1    | Cat      | COMPLETED | 03-15      |  80.00 | EUR      | no: Autumn's, before its period |
| E1    | Eli      | COMPLETED | 03-15      |  90.00 | EUR      | none              |

Spring: leads Ann, Ben, Dan; conversions 2 (Ann, Ben); revenue 210.00 EUR; touchpoints Cat
03-04, Ben 03-03. Autumn: lead Cat; no conversion; revenue 0.00.

The trade promotion "May deal" runs 1-10 May 2026 (its baseline: 21-30 April) on Widget; Shop A
and Shop B take part, Shop C does not.

| order | customer | status    | placed      | lines                             | counts       |
| SA1   | Shop A   | COMPLETED | 05-03       | Widget 3 x 10.00, Gizmo 1 x 50.00 | during 30.00 |
| SA2   | Shop A   | COMPLETED | 04-25       | Widget 1 x 10.00                  | before 10.00 |
| SA3   | Shop A   | COMPLETED | 04-15       | Widget 5 x 10.00                  | no: earlier  |
| SA4   | Shop A   | PENDING   | 05-04       | Widget 10 x 10.00                 | no: pending  |
| SB1   | Shop B   | COMPLETED | 05-10 23:00 | Widget 2 x 15.00                  | during 30.00 |
| SC1   | Shop C   | COMPLETED | 05-05       | Widget 4 x 10.00                  | no: no part  |

Lift: Shop A 30.00 against 10.00 (3.0), Shop B 30.00 against 0.00 (null); together 60.00
against 10.00 (6.0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from cdp.store.graph import Graph
from tests.integration.customers.seed import (
    Line,
    acquire,
    add_customer,
    add_order,
    add_product,
    add_source,
    add_touchpoint,
    utc,
)
from tests.support.api import data

CREATE = """
mutation ($input: CampaignInput!) {
  createCampaign(input: $input) { id acquisitionSource { id } }
}
"""
SPRING = {"from": "2026-03-01", "to": "2026-03-31"}
AUTUMN = {"from": "2026-09-01", "to": "2026-09-30"}
MAY = {"from": "2026-05-01", "to": "2026-05-10"}


@dataclass
class CampaignWorld:
    customers: dict[str, str] = field(default_factory=dict)  # name -> id
    products: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    campaigns: dict[str, str] = field(default_factory=dict)
    touchpoints: dict[str, str] = field(default_factory=dict)  # "Ben Spring" -> id


async def create(client: httpx.AsyncClient, spec: dict[str, object], key: str | None = None) -> str:
    created = (await data(client, CREATE, {"input": spec}, key=key))["createCampaign"]
    return str(created["id"])


async def _name_campaign(graph: Graph, touchpoint_id: str, campaign_id: str) -> None:
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $t}), (k:Campaign {id: $k}) CREATE (t)-[:IN_CAMPAIGN]->(k)",
        {"t": touchpoint_id, "k": campaign_id},
    )


async def seed_campaign_world(graph: Graph, client: httpx.AsyncClient) -> CampaignWorld:
    w = CampaignWorld()
    w.sources["Spring sale"] = await add_source(graph, "CAMPAIGN", "Spring sale", utc(2026, 1, 1))
    w.sources["Website"] = await add_source(graph, "WEBSITE", "Website", utc(2026, 1, 1))
    w.campaigns["Spring"] = await create(
        client,
        {
            "name": "Spring",
            "period": SPRING,
            "channel": "EMAIL",
            "budget": "500",
            "acquisitionSourceId": w.sources["Spring sale"],
        },
    )
    w.campaigns["Autumn"] = await create(client, {"name": "Autumn", "period": AUTUMN})
    for name in ("Ann", "Ben", "Cat", "Dan", "Eli"):
        w.customers[name] = await add_customer(graph, name, created_at=utc(2026, 1, 10))
    await acquire(graph, w.customers["Ann"], w.sources["Spring sale"], utc(2026, 3, 5))
    await acquire(graph, w.customers["Ben"], w.sources["Website"], utc(2026, 2, 1))
    await acquire(graph, w.customers["Dan"], w.sources["Spring sale"], utc(2026, 3, 20))
    for name, campaign, at in (
        ("Ben", "Spring", utc(2026, 3, 3)),
        ("Cat", "Autumn", utc(2026, 2, 15)),
        ("Cat", "Spring", utc(2026, 3, 4)),
    ):
        touchpoint = await add_touchpoint(
            graph, w.customers[name], "EMAIL", "MARKETING", at, direction="OUTBOUND"
        )
        await _name_campaign(graph, touchpoint, w.campaigns[campaign])
        w.touchpoints[f"{name} {campaign}"] = touchpoint
    w.products["Widget"] = await add_product(
        graph, "W-1", "Widget", 1000, created_at=utc(2026, 1, 1)
    )
    w.products["Gizmo"] = await add_product(graph, "G-1", "Gizmo", 5000, created_at=utc(2026, 1, 1))
    widget, gizmo = w.products["Widget"], w.products["Gizmo"]
    for name, number, status, placed, total, currency in (
        ("Ann", "A1", "COMPLETED", utc(2026, 3, 10), 10000, "EUR"),
        ("Ann", "A2", "COMPLETED", utc(2026, 6, 20), 5000, "EUR"),
        ("Ann", "A3", "COMPLETED", utc(2026, 7, 15), 7000, "EUR"),
        ("Ann", "A4", "PENDING", utc(2026, 3, 12), 3000, "EUR"),
        ("Ann", "A5", "COMPLETED", utc(2026, 3, 11), 2000, "USD"),
        ("Ben", "B1", "COMPLETED", utc(2026, 3, 2), 4000, "EUR"),
        ("Ben", "B2", "COMPLETED", utc(2026, 3, 20), 6000, "EUR"),
        ("Cat", "C1", "COMPLETED", utc(2026, 3, 15), 8000, "EUR"),
        ("Eli", "E1", "COMPLETED", utc(2026, 3, 15), 9000, "EUR"),
    ):
        line = Line(gizmo, total // 1000, 1000)
        await add_order(graph, w.customers[name], number, status, placed, [line], currency=currency)
    for name in ("Shop A", "Shop B", "Shop C"):
        w.customers[name] = await add_customer(
            graph, name, created_at=utc(2025, 1, 1), kind="ORGANIZATION"
        )
    for name, number, status, placed, lines in (
        (
            "Shop A",
            "SA1",
            "COMPLETED",
            utc(2026, 5, 3),
            [Line(widget, 3, 1000), Line(gizmo, 1, 5000)],
        ),
        ("Shop A", "SA2", "COMPLETED", utc(2026, 4, 25), [Line(widget, 1, 1000)]),
        ("Shop A", "SA3", "COMPLETED", utc(2026, 4, 15), [Line(widget, 5, 1000)]),
        ("Shop A", "SA4", "PENDING", utc(2026, 5, 4), [Line(widget, 10, 1000)]),
        ("Shop B", "SB1", "COMPLETED", utc(2026, 5, 10, 23), [Line(widget, 2, 1500)]),
        ("Shop C", "SC1", "COMPLETED", utc(2026, 5, 5), [Line(widget, 4, 1000)]),
    ):
        await add_order(graph, w.customers[name], number, status, placed, lines)
    w.campaigns["May deal"] = await create(
        client,
        {
            "name": "May deal",
            "kind": "TRADE_PROMOTION",
            "period": MAY,
            "deal": "Buy three Widgets, get a fourth free.",
            "productIds": [widget],
            "participantIds": [w.customers["Shop B"], w.customers["Shop A"]],
        },
    )
    return w
