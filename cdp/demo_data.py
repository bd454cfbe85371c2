"""A realistic, deterministic demo graph, written through the same functions as the API.

Organizations with contacts, acquisition sources with referral chains, a power-law influence
network around a few opinion leaders, orders with seasonality in all four states (some
invoices unpaid and overdue), touchpoints on every channel (complaints among them, some open),
and account ownership that changed hands. The same seed gives the same graph, ids included.

Last come the campaigns: two marketing campaigns standing for the acquisition sources of kind
CAMPAIGN, with a few contacts naming them, and a trade promotion for organizations.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, LiteralString
from zoneinfo import ZoneInfo

from cdp import money, nodes
from cdp.access.policy import FULL_ACCESS
from cdp.business_time import period_instants
from cdp.campaigns import writes as campaigns
from cdp.catalog import writes as reference_writes
from cdp.compiler.selection import Selected
from cdp.consent import channels
from cdp.consent import writes as consent
from cdp.contact_policy import facts as policy_facts
from cdp.contact_policy.rules import decide
from cdp.contacts import writes as contacts
from cdp.customers import leads
from cdp.customers import writes as customer_writes
from cdp.goals import writes as goals
from cdp.influence import writes as influence
from cdp.orders import writes as orders
from cdp.read_model import READ_MODEL
from cdp.request import Operation
from cdp.store.graph import Graph
from cdp.touchpoints import writes as touchpoints

_FIRST = (
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Frances",
    "Ken",
    "Margaret",
    "Linus",
    "Radia",
    "Tim",
    "Katherine",
    "Dennis",
    "Hedy",
    "John",
    "Sophie",
    "Niklaus",
    "Anita",
    "Leslie",
    "Shafi",
    "Tony",
    "Judea",
    "Yukihiro",
    "Guido",
    "Bjarne",
    "Mary",
    "Ivan",
    "Liva",
    "Janis",
    "Ilze",
    "Noa",
    "Yael",
    "Avi",
    "Dana",
    "Omer",
)
_LAST = (
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Thompson",
    "Hamilton",
    "Torvalds",
    "Perlman",
    "Berners-Lee",
    "Johnson",
    "Ritchie",
    "Lamarr",
    "Backus",
    "Wilson",
    "Wirth",
    "Borg",
    "Lamport",
    "Goldwasser",
    "Hoare",
    "Pearl",
    "Matsumoto",
    "Rossum",
    "Stroustrup",
    "Shaw",
    "Sutherland",
    "Ozola",
    "Berzins",
    "Kalnina",
    "Levi",
    "Cohen",
    "Mizrahi",
    "Peretz",
    "Friedman",
)
_ORG_WORDS = (
    "Analytical",
    "Engines",
    "Northwind",
    "Contoso",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Acme",
    "Hooli",
    "Vandelay",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Baltic",
    "Amber",
    "Riga",
    "Jaffa",
)
_ORG_KINDS = ("Ltd", "Group", "Industries", "Labs", "Trading", "Logistics", "Foods")
_INDUSTRIES = ("retail", "manufacturing", "software", "logistics", "food", "health", "finance")
_INTERESTS = (
    "cycling",
    "cooking",
    "travel",
    "photography",
    "gardening",
    "gaming",
    "music",
    "reading",
    "fitness",
    "design",
    "wine",
    "hiking",
)
_CITIES = (
    ("Riga", "LV"),
    ("Tel Aviv", "IL"),
    ("Haifa", "IL"),
    ("Berlin", "DE"),
    ("Vilnius", "LT"),
    ("Tallinn", "EE"),
    ("Paris", "FR"),
    ("Milan", "IT"),
)
_SOURCES = (
    ("REFERRAL", "Friends & referrals"),
    ("CAMPAIGN", "Spring sale campaign"),
    ("CAMPAIGN", "Black Friday campaign"),
    ("WEBSITE", "Website sign-up"),
    ("STORE", "Flagship store"),
    ("ADVERTISING", "Search advertising"),
    ("NEWSLETTER", "Monthly newsletter"),
    ("PARTNER", "Reseller partner"),
    ("EVENT", "Trade fair"),
    ("SOCIAL", "Social media"),
)
_CATEGORIES = {
    "hardware": (20, 900),
    "software": (10, 400),
    "service": (50, 1500),
    "accessory": (2, 80),
    "training": (100, 2000),
}
_CHANNELS = (
    "PHONE",
    "EMAIL",
    "SMS",
    "CHAT",
    "WEBSITE",
    "STORE",
    "VIDEO_CALL",
    "FAX",
    "POST",
    "ADVERTISING",
    "NEWSLETTER",
)
_KINDS = (
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
_OUTBOUND_ONLY = {"ADVERTISING", "NEWSLETTER", "MARKETING", "REMINDER", "GREETING", "OFFER"}
_STATUS_WEIGHTS = (("COMPLETED", 70), ("PENDING", 12), ("UNREALIZED", 9), ("PLANNED", 9))
_PAYMENTS = ("CARD", "BANK_TRANSFER", "INVOICE", "CASH", "DIRECT_DEBIT", "WALLET")
# Sales peak before the holidays and in spring.
_MONTH_WEIGHT = (6, 5, 7, 8, 9, 7, 6, 6, 8, 9, 14, 15)
_ID_ONLY = Selected("result", "result", fields=(Selected("id", "id"),))
_HAS_CUSTOMERS: LiteralString = "RETURN EXISTS { MATCH (:Customer) } AS present"
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_UTC = ZoneInfo("UTC")
SPAN_DAYS = 700
# The demo's campaigns, in 2024 so that their windows are over whatever the day it is read:
# name, first and last day, channel, budget (whole units of the demo's currency).
_SPRING_CAMPAIGN = ("Spring sale 2024", date(2024, 3, 1), date(2024, 5, 31), "EMAIL", 15_000)
_BLACK_FRIDAY_CAMPAIGN = (
    "Black Friday 2024",
    date(2024, 11, 22),
    date(2024, 12, 2),
    "ADVERTISING",
    25_000,
)
_TRADE_PROMOTION = ("Year-end trade deal 2024", date(2024, 10, 1), date(2024, 12, 31))
_TRADE_DEAL = "8% off the promoted products and free delivery on orders of 5 units or more."
# Customers a campaign could still reach first: touched by no campaign yet, neither acquired
# through a campaign's source nor named by one of its touchpoints; with their first completed
# order within the period, if any.
_REACHABLE: LiteralString = """
MATCH (c:Customer)
WHERE c.createdAt < $endsAt
  AND NOT EXISTS { (c)-[:ACQUIRED_VIA]->(:AcquisitionSource {kind: 'CAMPAIGN'}) }
  AND NOT EXISTS { (c)-[:HAD]->(:Touchpoint)-[:IN_CAMPAIGN]->(:Campaign) }
RETURN c.id AS id, c.createdAt AS createdAt,
       head(COLLECT { MATCH (c)-[:PLACED]->(o:Order)
                      WHERE o.status = 'COMPLETED' AND o.currency = $currency
                        AND $startsAt <= o.placedAt < $endsAt AND o.placedAt > c.createdAt
                      RETURN o.placedAt AS at ORDER BY at LIMIT 1 }) AS orderedAt
ORDER BY id
"""
# What organizations bought of each product, completed, within a period.
_TRADE_SALES: LiteralString = """
MATCH (c:Customer {kind: 'ORGANIZATION'})-[:PLACED]->(o:Order)-[li:CONTAINS]->(p:Product)
WHERE o.status = 'COMPLETED' AND o.currency = $currency AND $startsAt <= o.placedAt < $endsAt
RETURN p.id AS product, c.id AS customer, sum(li.quantity * li.unitPriceMinor) AS amount
ORDER BY product, customer
"""


async def is_empty(graph: Graph) -> bool:
    rows = await graph.read(_HAS_CUSTOMERS)
    return not rows[0]["present"]


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    organizations: int
    products: int
    orders: int
    touchpoints: int
    influences: int
    campaigns: int


async def load_demo_data(
    graph: Graph,
    *,
    customers: int,
    seed: int,
    currency: str = "EUR",
    zone: ZoneInfo = _UTC,
    progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """Write the demo graph; `progress` is told of each customer finished."""
    # The ids are drawn from a generator of their own, so that they do not depend on the
    # choices made of the rest.
    ids = random.Random(seed)  # noqa: S311 - reproducible ids, not secrets
    choices = random.Random(seed)  # noqa: S311
    return await _Generator(graph, choices, ids, currency, zone, progress).run(customers)


class _Generator:
    def __init__(
        self,
        graph: Graph,
        rng: random.Random,
        ids: random.Random,
        currency: str,
        zone: ZoneInfo,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.graph, self.rng, self.ids, self.currency = graph, rng, ids, currency
        self.zone = zone  # the business's, where complaints' service levels are counted
        self.progress = progress or (lambda _: None)
        self.counts = {"orders": 0, "touchpoints": 0, "influences": 0, "organizations": 0}
        self.marketing_ok: set[str] = set()  # channels the current customer agreed to
        self.since = EPOCH  # when the current customer was created

    def op(self) -> Operation:
        """One write of the platform's own: full access, no audit record, seeded ids."""
        return Operation.of(
            self.graph, FULL_ACCESS, "loadDemoData", registry=READ_MODEL, ids=self.ids
        )

    async def run(self, count: int) -> DemoSummary:
        employees = [await self._employee(i) for i in range(max(3, count // 150))]
        sources = [await self._source(kind, name) for kind, name in _SOURCES]
        products = [await self._product(i) for i in range(max(12, min(60, count // 10)))]
        referral_source = sources[0]
        people: list[str] = []
        customer_ids: list[str] = []
        stages: list[tuple[str, str]] = []  # where each customer starts, and is headed
        created: list[datetime] = []  # when each customer was created (and acquired)
        for index in range(count):
            customer_id, start, stage, at = await self._customer(
                index, sources, referral_source, employees, customer_ids
            )
            customer_ids.append(customer_id)
            stages.append((start, stage))
            created.append(at)
            if self._is_org(index):
                self.counts["organizations"] += 1
            else:
                people.append(customer_id)
        for index, customer_id in enumerate(customer_ids):
            # What happens to a customer happens after it was created (and acquired).
            self.since = created[index]
            await self._consents(customer_id)
            if self._is_org(index):
                await self._contacts(customer_id, people)
            bought = await self._orders(customer_id, index, products)
            await self._advance(customer_id, *stages[index], bought=bought)
            await self._touchpoints(customer_id, employees)
            if self.rng.random() < 0.2:
                await self._reassign(customer_id, employees)
            self.progress(1)
        await self._influence_network(customer_ids, created)
        await self._goals(employees)
        # Last: the campaigns draw their ids after everything else.
        campaign_count = await self._campaigns(sources, products, customer_ids)
        return DemoSummary(
            customers=count,
            organizations=self.counts["organizations"],
            products=len(products),
            orders=self.counts["orders"],
            touchpoints=self.counts["touchpoints"],
            influences=self.counts["influences"],
            campaigns=campaign_count,
        )

    # --- reference nodes ----------------------------------------------------------------

    async def _employee(self, index: int) -> str:
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        props = reference_writes.employee_props(
            {
                "name": f"{first} {last}",
                "title": self.rng.choice(
                    ("Account manager", "Key-account manager", "Service agent", "Sales rep")
                ),
                "email": f"{first}.{last}.{index}@staff.example".lower(),
            }
        )
        return await self._id_of(reference_writes.create(self.op(), "Employee", props, _ID_ONLY))

    async def _source(self, kind: str, name: str) -> str:
        props = reference_writes.source_props({"kind": kind, "name": name})
        return await self._id_of(
            reference_writes.create(self.op(), "AcquisitionSource", props, _ID_ONLY)
        )

    async def _product(self, index: int) -> str:
        category = self.rng.choice(list(_CATEGORIES))
        low, high = _CATEGORIES[category]
        price = Decimal(self.rng.randint(low * 100, high * 100)) / 100
        # About one product in eight costs more than it earns: profitability reports find it.
        margin = (
            self.rng.uniform(1.05, 1.3) if self.rng.random() < 0.12 else self.rng.uniform(0.3, 0.8)
        )
        props = reference_writes.product_props(
            {
                "sku": f"SKU-{index + 1:04d}",
                "name": f"{self.rng.choice(_ORG_WORDS)} {category} {index + 1}",
                "category": category,
                "price": price,
                "unit_cost": (price * Decimal(str(round(margin, 2)))).quantize(Decimal("0.01")),
                "currency": self.currency,
            },
            currency=self.currency,
        )
        return await self._id_of(reference_writes.create(self.op(), "Product", props, _ID_ONLY))

    # --- customers ----------------------------------------------------------------------

    def _is_org(self, index: int) -> bool:
        return index % 7 == 3  # about one customer in seven is an organization

    async def _customer(
        self,
        index: int,
        sources: list[str],
        referral_source: str,
        employees: list[str],
        earlier: list[str],
    ) -> tuple[str, str, str, datetime]:
        """The new customer's id, the stage it starts in and the one it is headed for (one in
        three prospects and customers starts as a lead, advanced once its orders are placed:
        `_advance`), and when it was created and acquired."""
        rng = self.rng
        created = self._time(0, SPAN_DAYS - 60)
        city, country = rng.choice(_CITIES)
        stage = rng.choices(("LEAD", "PROSPECT", "CUSTOMER", "FORMER"), (12, 15, 63, 10))[0]
        start = "LEAD" if stage in ("PROSPECT", "CUSTOMER") and index % 3 == 0 else stage
        data: dict[str, Any] = {
            "lifecycle_stage": start,
            "addresses": [
                {
                    "kind": "billing",
                    "line1": f"{rng.randint(1, 200)} Main street",
                    "city": city,
                    "country": country,
                    "postal_code": f"{rng.randint(1000, 9999)}",
                }
            ],
            "account_owner_id": rng.choice(employees),
            "created_at": created,
            "interests": rng.sample(_INTERESTS, rng.randint(0, 3)),
            "preferences": {
                "preferred_channel": rng.choice(("EMAIL", "PHONE", "SMS", "POST")),
                "preferred_language": rng.choice(("en", "lv", "he", "de")),
                "do_not_contact": rng.random() < 0.05,
            },
        }
        if self._is_org(index):
            name = f"{rng.choice(_ORG_WORDS)} {rng.choice(_ORG_WORDS)} {rng.choice(_ORG_KINDS)}"
            slug = name.split()[0].lower()
            data.update(
                kind="ORGANIZATION",
                name=name,
                emails=[f"info@{slug}{index}.example"],
                demographics={
                    "industry": rng.choice(_INDUSTRIES),
                    "employee_count": rng.choice((8, 40, 250, 1200, 9000)),
                },
            )
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            data.update(
                kind="PERSON",
                name=f"{first} {last}",
                emails=[f"{first}.{last}.{index}@example.com".lower()],
                phones=[f"+371 2{rng.randint(1000000, 9999999)}"],
                demographics={
                    "birth_date": date(
                        rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    "gender": rng.choice(("female", "male", "unspecified")),
                    "income_band": rng.choice(("low", "middle", "high")),
                },
            )
        # Referrals attach preferentially to customers who already referred: chains form.
        if earlier and rng.random() < 0.18:
            referrer = earlier[min(int(rng.paretovariate(1.2)) - 1, len(earlier) - 1)]
            data["acquisition"] = {
                "source_id": referral_source,
                "at": created,
                "referrer_id": referrer,
            }
        else:
            data["acquisition"] = {"source_id": rng.choice(sources[1:]), "at": created}
        external = {"system": "demo", "value": f"C{index:06d}"}
        upserted = await customer_writes.upsert_customer(self.op(), external, data, _ID_ONLY)
        return str(upserted.customer["id"]), start, stage, created

    async def _advance(self, customer_id: str, start: str, stage: str, *, bought: bool) -> None:
        """Move a customer on from `start` the way a sales team would: a quote, then a
        contract. Whoever completed an order is a customer (or a former one), never still a
        lead or a prospect."""
        current = start
        if start == "LEAD" and stage in ("PROSPECT", "CUSTOMER"):
            await leads.advance_lead(
                self.op(), customer_id, "PROSPECT", "Asked for a quote.", _ID_ONLY
            )
            current = "PROSPECT"
        if current in ("LEAD", "PROSPECT") and (stage == "CUSTOMER" or bought):
            reason = "First order completed." if bought else "Signed the first contract."
            await leads.advance_lead(self.op(), customer_id, "CUSTOMER", reason, _ID_ONLY)

    async def _contacts(self, organization_id: str, people: list[str]) -> None:
        for number in range(self.rng.randint(1, 4)):
            first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
            data: dict[str, Any] = {
                "name": f"{first} {last}",
                "role": self.rng.choice(("Purchasing", "Finance", "CEO", "IT", "Operations")),
                "emails": [f"{first}.{last}.{number}@corp.example".lower()],
                "channels": self.rng.sample(("EMAIL", "PHONE", "VIDEO_CALL", "CHAT"), 2),
            }
            if people and self.rng.random() < 0.25:
                data["person_customer_id"] = self.rng.choice(people)
            await contacts.add_contact(self.op(), organization_id, data, _ID_ONLY)

    async def _orders(self, customer_id: str, index: int, products: list[str]) -> bool:
        """Place the customer's orders; whether any of them completed."""
        rng = self.rng
        completed = False
        # A heavy tail: most buy a few times, some buy often and in volume.
        count = min(int(rng.paretovariate(1.4)) + (0 if rng.random() < 0.2 else 1), 40)
        for number in range(count):
            placed = self._order_time()
            status = rng.choices([s for s, _ in _STATUS_WEIGHTS], [w for _, w in _STATUS_WEIGHTS])[
                0
            ]
            items = [
                {"product_id": product, "quantity": rng.choice((1, 1, 1, 2, 3, 5, 10))}
                for product in rng.sample(products, rng.randint(1, 4))
            ]
            # An unrealized order was pending first (its invoice stays, unpaid); a planned one
            # has no invoice yet.
            order = await orders.place_order(
                self.op(),
                {
                    "customer_id": customer_id,
                    "number": f"D-{index:06d}-{number:03d}",
                    "status": "PENDING" if status == "UNREALIZED" else status,
                    "placed_at": placed,
                    "items": items,
                    "payment_method": rng.choice(_PAYMENTS),
                    "invoice_due_date": (
                        None if status == "PLANNED" else (placed + timedelta(days=30)).date()
                    ),
                },
                _ID_ONLY,
                default_currency=self.currency,
            )
            if status == "UNREALIZED":
                await orders.set_order_status(
                    self.op(), order["id"], status, _ID_ONLY, reason="Cancelled by the customer."
                )
            self.counts["orders"] += 1
            completed = completed or status == "COMPLETED"
            # Most completed invoices are paid; the rest are overdue reminders waiting to go.
            if status == "COMPLETED" and rng.random() < 0.85:
                await orders.mark_invoice_paid(
                    self.op(), order["id"], placed + timedelta(days=rng.randint(1, 40)), _ID_ONLY
                )
        return completed

    async def _consents(self, customer_id: str) -> None:
        """Consent as customers give it: most agree to e-mail, fewer to calls; some withdraw."""
        rng = self.rng
        self.marketing_ok = set()
        for channel, likelihood in (
            ("EMAIL", 0.7),
            ("SMS", 0.4),
            ("PHONE", 0.3),
            ("POST", 0.5),
            ("ADVERTISING", 0.4),
        ):
            if rng.random() < likelihood:
                status = "WITHDRAWN" if rng.random() < 0.1 else "GRANTED"
                if status == "GRANTED":
                    self.marketing_ok.add(channel)
                await consent.record_consent(
                    self.op(),
                    {
                        "customer_id": customer_id,
                        "purpose": "MARKETING",
                        "channel": channel,
                        "status": status,
                        "at": self._after_creation(),
                        "source": rng.choice(("sign-up form", "store counter", "phone call")),
                    },
                    _ID_ONLY,
                )
        if rng.random() < 0.6:
            await consent.record_consent(
                self.op(),
                {
                    "customer_id": customer_id,
                    "purpose": "SHARING",
                    "status": "GRANTED",
                    "at": self._after_creation(),
                    "source": "sign-up form",
                },
                _ID_ONLY,
            )

    async def _touchpoints(self, customer_id: str, employees: list[str]) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 8)):
            kind = rng.choice(_KINDS)
            channel = rng.choice(_CHANNELS)
            agreed = any(c in self.marketing_ok for c in channels.covering(channel))
            if channels.is_marketing(kind, channel) and not agreed:
                # No marketing where the customer did not agree to it.
                kind = "SERVICE"
                if channel in channels.MARKETING_CHANNELS:
                    channel = "PHONE"
            outbound = kind in _OUTBOUND_ONLY or channel in ("ADVERTISING", "NEWSLETTER")
            resolved = kind != "COMPLAINT" or rng.random() < 0.7
            await touchpoints.record_touchpoint(
                self.op(),
                {
                    "customer_id": customer_id,
                    "channel": channel,
                    "kind": kind,
                    "direction": "OUTBOUND" if outbound else rng.choice(("INBOUND", "OUTBOUND")),
                    "occurred_at": self._after_creation(),
                    "summary": f"{kind.replace('_', ' ').lower()} by {channel.lower()}",
                    "outcome": rng.choice(
                        (
                            "answered",
                            "order placed",
                            "escalated",
                            "no answer",
                            "offer sent",
                            "resolved at first contact",
                        )
                    ),
                    "satisfaction": rng.randint(1, 5) if rng.random() < 0.6 else None,
                    "resolved": resolved,
                    "handled_by_id": rng.choice(employees),
                },
                _ID_ONLY,
                zone=self.zone,
            )
            self.counts["touchpoints"] += 1

    async def _reassign(self, customer_id: str, employees: list[str]) -> None:
        await customer_writes.assign_account_owner(
            self.op(),
            customer_id,
            self.rng.choice(employees),
            datetime.now(UTC) - timedelta(days=self.rng.randint(1, 90)),
            _ID_ONLY,
        )

    async def _influence_network(self, customer_ids: list[str], created: list[datetime]) -> None:
        """A few opinion leaders sway many; everyone else a few, preferring the popular; each
        tie since both customers exist."""
        created_at = dict(zip(customer_ids, created, strict=True))
        rng = self.rng
        if len(customer_ids) < 2:
            return
        leaders = rng.sample(customer_ids, max(1, len(customer_ids) // 100))
        links: set[tuple[str, str]] = set()
        for leader in leaders:
            for follower in rng.sample(
                customer_ids, min(len(customer_ids) - 1, rng.randint(8, 40))
            ):
                links.add((leader, follower))
        targets = list(leaders)
        for source in customer_ids:
            for _ in range(min(int(rng.paretovariate(2.0)) - 1, 5)):
                target = rng.choice(targets)
                links.add((source, target))
                targets.append(target)
        for source, target in sorted(links):
            if source == target:
                continue
            kind = (
                "OPINION_LEADER"
                if source in leaders
                else rng.choice(("REFERRAL", "FAMILY", "COLLEAGUE", "PEER"))
            )
            await influence.link_influence(
                self.op(),
                {
                    "from_id": source,
                    "to_id": target,
                    "kind": kind,
                    "strength": round(
                        rng.uniform(0.5, 1.0)
                        if kind == "OPINION_LEADER"
                        else rng.uniform(0.05, 0.7),
                        2,
                    ),
                    "since": self._between(
                        max(created_at[source], created_at[target]),
                        EPOCH + timedelta(days=SPAN_DAYS),
                    ),
                },
                Selected("i", "i", fields=(Selected("strength", "strength"),)),
            )
            self.counts["influences"] += 1

    async def _goals(self, employees: list[str]) -> None:
        """Goals of periods already over, so that how they stand does not depend on the day
        the demo is read: the last quarter of 2025 for three account owners, and the
        business's orders and new customers of 2025. Each target is set from what its period
        reached: alternately below it (reached, on track) and above it (missed)."""
        quarter = {"from": date(2025, 10, 1), "to": date(2025, 12, 31)}
        year = {"from": date(2025, 1, 1), "to": date(2025, 12, 31)}
        specs: list[dict[str, Any]] = [
            {"metric": "REVENUE", "owner_id": employees[0], "period": quarter},
            {"metric": "REVENUE", "owner_id": employees[1], "period": quarter},
            {"metric": "OUTBOUND_CONTACTS", "owner_id": employees[2], "period": quarter},
            {"metric": "ORDER_COUNT", "period": year},
            {"metric": "NEW_CUSTOMERS", "period": year},
        ]
        for index, spec in enumerate(specs):
            kind = "money" if spec["metric"] == "REVENUE" else "count"
            goal = await goals.set_goal(
                self.op(),
                {**spec, "target": {kind: 1}},
                _ID_ONLY,
                currency=self.currency,
                zone=self.zone,
            )
            reached = await self._reached(goal["id"], kind)
            share = 0.8 if index % 2 == 0 else 1.25
            aim = max(1, round(reached * share))
            target: Any = money.to_decimal(aim, self.currency) if kind == "money" else aim
            await goals.update_goal(
                self.op(), goal["id"], {"target": {kind: target}}, _ID_ONLY, zone=self.zone
            )

    async def _reached(self, goal_id: str, kind: str) -> int:
        """What a goal's period reached: minor units or a count, as its progress reads it."""
        actual = Selected("actual", "actual", fields=(Selected(kind, kind),))
        progress = Selected("progress", "progress", fields=(actual,))
        row = await nodes.node(self.op(), goal_id, Selected("node", "node", fields=(progress,)))
        assert row is not None, f"goal {goal_id} vanished"
        value = row["progress"]["actual"][kind]
        return int(value["minor"] if kind == "money" else value)

    # --- campaigns ----------------------------------------------------------------------

    async def _campaigns(
        self, sources: list[str], products: list[str], customer_ids: list[str]
    ) -> int:
        """Two marketing campaigns, each standing for one of the sources of kind CAMPAIGN (its
        customers are the campaign's leads), with a few contacts naming them, and a trade
        promotion for organizations. Answers how many campaigns that is."""
        by_name = {name: source for (_, name), source in zip(_SOURCES, sources, strict=True)}
        marketing = (
            (_SPRING_CAMPAIGN, "Spring sale campaign"),
            (_BLACK_FRIDAY_CAMPAIGN, "Black Friday campaign"),
        )
        for (name, first, last, channel, budget), source_name in marketing:
            created = await campaigns.create_campaign(
                self.op(),
                {
                    "name": name,
                    "kind": "MARKETING",
                    "period": {"from": first, "to": last},
                    "channel": channel,
                    "budget": Decimal(budget),
                    "acquisition_source_id": by_name[source_name],
                },
                _ID_ONLY,
                currency=self.currency,
                zone=self.zone,
            )
            await self._campaign_touchpoints(str(created["id"]), name, first, last, channel)
        organizations = [c for index, c in enumerate(customer_ids) if self._is_org(index)]
        await self._trade_promotion(products, organizations)
        return len(marketing) + 1

    async def _campaign_touchpoints(
        self, campaign_id: str, name: str, first: date, last: date, channel: str
    ) -> None:
        """A few outbound MARKETING contacts naming the campaign, within its period, to
        customers no campaign reached before and only where the contact policy allows them:
        three who then placed an order in the period, and two who had not by its end."""
        starts, ends = period_instants(first, last, self.zone)
        params = {"startsAt": starts, "endsAt": ends, "currency": self.currency}
        rows = await self.graph.read(_REACHABLE, params)
        buyers = [row for row in rows if row["orderedAt"] is not None]
        others = [row for row in rows if row["orderedAt"] is None]
        for group, wanted in ((buyers, 3), (others, 2)):
            self.rng.shuffle(group)
            sent = 0
            for row in group:
                if sent == wanted:
                    break
                earliest = max(starts, row["createdAt"].to_native().astimezone(UTC))
                if row["orderedAt"] is None:
                    at = self._between(earliest, ends)
                else:
                    # Within days before the order, never before the period or the customer.
                    ordered = row["orderedAt"].to_native().astimezone(UTC)
                    since = ordered - timedelta(days=self.rng.randint(1, 10))
                    at = self._between(max(earliest, since), ordered)
                if not await self._allowed(row["id"], "MARKETING", channel, at):
                    continue
                await touchpoints.record_touchpoint(
                    self.op(),
                    {
                        "customer_id": row["id"],
                        "channel": channel,
                        "kind": "MARKETING",
                        "direction": "OUTBOUND",
                        "occurred_at": at,
                        "summary": f"{name} offer by {channel.lower()}",
                        "outcome": "offer sent",
                        "campaign_id": campaign_id,
                    },
                    _ID_ONLY,
                    zone=self.zone,
                )
                self.counts["touchpoints"] += 1
                sent += 1

    async def _allowed(self, customer_id: str, kind: str, channel: str, at: datetime) -> bool:
        """Whether a contact at `at` keeps the contact policy, as it will be recorded."""
        found = await policy_facts.read(self.graph, customer_id, at)
        if found is None:
            return False
        policy, facts = found
        return decide(policy, facts, kind=kind, channel=channel, at=at).allowed

    async def _trade_promotion(self, products: list[str], organizations: list[str]) -> None:
        """A year-end deal for organizations on the (up to three) products they bought most in
        its period, with those who bought them then and two who did not: its lift shows their
        sales against the quarter before."""
        name, first, last = _TRADE_PROMOTION
        starts, ends = period_instants(first, last, self.zone)
        params = {"startsAt": starts, "endsAt": ends, "currency": self.currency}
        rows = await self.graph.read(_TRADE_SALES, params)
        totals: dict[str, int] = {}
        for row in rows:
            totals[row["product"]] = totals.get(row["product"], 0) + row["amount"]
        promoted = sorted(totals, key=lambda product: (-totals[product], product))[:3]
        # At least two products, even where organizations bought none in the period.
        promoted += [p for p in products if p not in promoted][: max(0, 2 - len(promoted))]
        buyers = sorted({row["customer"] for row in rows if row["product"] in promoted})
        others = [c for c in organizations if c not in buyers]
        participants = buyers[:6] + self.rng.sample(others, min(2, len(others)))
        await campaigns.create_campaign(
            self.op(),
            {
                "name": name,
                "kind": "TRADE_PROMOTION",
                "period": {"from": first, "to": last},
                "channel": "PHONE",
                "budget": Decimal(5_000),
                "deal": _TRADE_DEAL,
                "product_ids": promoted,
                "participant_ids": participants,
            },
            _ID_ONLY,
            currency=self.currency,
            zone=self.zone,
        )

    # --- helpers ------------------------------------------------------------------------

    def _time(self, low_days: int, high_days: int) -> datetime:
        minutes = self.rng.randint(low_days * 1440, high_days * 1440)
        return EPOCH + timedelta(minutes=minutes)

    def _seasonal_time(self) -> datetime:
        year = self.rng.choice((2024, 2025))
        month = self.rng.choices(range(1, 13), _MONTH_WEIGHT)[0]
        return datetime(
            year,
            month,
            self.rng.randint(1, 28),
            self.rng.randint(8, 20),
            self.rng.randint(0, 59),
            tzinfo=UTC,
        )

    def _order_time(self) -> datetime:
        """A seasonal time after the current customer's creation: no purchase before it."""
        for _ in range(20):
            placed = self._seasonal_time()
            if placed >= self.since:
                return placed
        return self._after_creation()

    def _after_creation(self) -> datetime:
        """A minute from the current customer's creation to the end of the demo's span."""
        return self._between(self.since, EPOCH + timedelta(days=SPAN_DAYS))

    def _between(self, low: datetime, high: datetime) -> datetime:
        """A minute from `low` (inclusive) to `high` (exclusive)."""
        minutes = int((high - low).total_seconds() // 60)
        return low + timedelta(minutes=self.rng.randrange(max(1, minutes)))

    @staticmethod
    async def _id_of(created: Any) -> str:
        row = await created
        return str(row["id"])
