"""The benchmark graph as rows: every node and relationship, generated in Python from a seed.

The distributions are those of `cdp.demo_data` (organizations with contacts, acquisition
sources with referral chains, a power-law influence network around opinion leaders, seasonal
orders in all four states, touchpoints on every channel, ownership that changed hands), and
every property is the one the platform's write path stores, computed by the same validation
functions where they exist. Values the write path keeps up to date (a customer's
`revenueMinor`, `lastContactAt` and `updatedAt`) are computed here the way it computes them.

Nothing here is random but `random.Random(seed)`: the same seed gives the same rows, ids
included. "Now" is the fixed `AS_OF`, so timestamps do not depend on the day of generation.

Temporal values travel as epoch milliseconds (dates as ISO strings) beside each row's `props`,
and the statements turn them into the same DATETIME (UTC) and DATE values the driver would
make of Python's: converting Python datetimes in the driver costs more than all the rest.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from bench.dataset.vocabulary import (
    AS_OF_MS,
    DAY_MS,
    EMPLOYEES,
    EPOCH_MS,
    EXTERNAL_SYSTEM,
    FIRST_NAMES,
    LAST_CUMULATIVE,
    LAST_NAMES,
    MINUTE_MS,
    MONTH_CUMULATIVE,
    MONTHS,
    PRODUCTS,
    STAGE_CUMULATIVE,
    STAGES,
    STATUS_CUMULATIVE,
    STATUSES,
)
from cdp import validation
from cdp.catalog import writes as reference_writes
from cdp.customers import writes as customer_writes
from cdp.demo_data import (
    _CATEGORIES,
    _CHANNELS,
    _CITIES,
    _INDUSTRIES,
    _INTERESTS,
    _KINDS,
    _ORG_KINDS,
    _ORG_WORDS,
    _OUTBOUND_ONLY,
    _PAYMENTS,
    _SOURCES,
    EPOCH,
    SPAN_DAYS,
)
from cdp.ids import new_id
from cdp.read_model import READ_MODEL

Row = dict[str, Any]

# Which touchpoints the dataset keeps from marketing without consent: the rule as it stood when
# the dataset's VERSION was generated (`cdp/consent/channels.py` has today's), so that a stored
# dataset and a new one are alike.
_CONSENT_CHANNEL = {
    "EMAIL": "EMAIL",
    "NEWSLETTER": "EMAIL",
    "SMS": "SMS",
    "PHONE": "PHONE",
    "POST": "POST",
    "FAX": "POST",
}
_MARKETING_KINDS = frozenset({"MARKETING", "OFFER"})


@dataclass
class Rows:
    """Everything to write. Employees, sources and products are sorted by id; other rows
    name them by their index in those lists."""

    employees: list[Row] = field(default_factory=list)
    sources: list[Row] = field(default_factory=list)
    products: list[Row] = field(default_factory=list)
    customers: list[Row] = field(default_factory=list)
    # One row per customer that has any: {customer, contacts | orders | touchpoints}.
    contacts: list[Row] = field(default_factory=list)
    orders: list[Row] = field(default_factory=list)
    touchpoints: list[Row] = field(default_factory=list)
    # {from, to, ...}: links between customers.
    referrals: list[Row] = field(default_factory=list)
    influences: list[Row] = field(default_factory=list)


def generate_rows(customers: int, seed: int, currency: str = "EUR") -> Rows:
    return _Generator(seed, currency).run(customers)


def _is_org(index: int) -> bool:
    return index % 7 == 3  # about one customer in seven is an organization


def _compact(props: Row) -> Row:
    """What `SET n += props` keeps: null values are not stored."""
    return {key: value for key, value in props.items() if value is not None}


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _day(moment_ms: int) -> str:
    """The UTC date of a moment, as `date()` in Cypher reads it."""
    return (EPOCH + timedelta(milliseconds=moment_ms - EPOCH_MS)).date().isoformat()


class _Generator:
    def __init__(self, seed: int, currency: str) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
        self.id_rng = random.Random(seed)  # noqa: S311 - as `cdp.ids.new_id` draws them
        self.currency = currency
        self.rows = Rows()

    def new_id(self, label: str) -> str:
        return new_id(READ_MODEL.id_prefix(label), self.id_rng)

    def run(self, count: int) -> Rows:
        rows = self.rows
        rows.employees = sorted(
            (self._employee(i) for i in range(EMPLOYEES)), key=lambda r: str(r["props"]["id"])
        )
        rows.sources = sorted(
            (self._source(kind, name) for kind, name in _SOURCES),
            key=lambda r: str(r["props"]["id"]),
        )
        rows.products = sorted(
            (self._product(i) for i in range(PRODUCTS)), key=lambda r: str(r["props"]["id"])
        )
        kinds = [source["props"]["kind"] for source in rows.sources]
        referral = kinds.index("REFERRAL")
        others = [i for i, kind in enumerate(kinds) if kind != "REFERRAL"]
        ids: list[str] = []
        people: list[str] = []
        for index in range(count):
            row = self._customer(index, referral, others, ids)
            rows.customers.append(row)
            ids.append(row["props"]["id"])
            if not _is_org(index):
                people.append(row["props"]["id"])
        for index, row in enumerate(rows.customers):
            granted = self._consents(row)
            if _is_org(index):
                self._contacts(row, people)
            self._orders(row, index)
            self._touchpoints(row, granted)
            if self.rng.random() < 0.2:
                self._reassign(row)
        self._influence_network(ids)
        return rows

    # --- reference nodes ----------------------------------------------------------------

    def _employee(self, index: int) -> Row:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        props = reference_writes.employee_props(
            {
                "name": f"{first} {last}",
                "title": rng.choice(
                    ("Account manager", "Key-account manager", "Service agent", "Sales rep")
                ),
                "email": f"{first}.{last}.{index}@staff.example".lower(),
            }
        )
        return {"props": {"id": self.new_id("Employee"), **_compact(props)}, "createdAt": EPOCH_MS}

    def _source(self, kind: str, name: str) -> Row:
        props = reference_writes.source_props({"kind": kind, "name": name})
        return {
            "props": {"id": self.new_id("AcquisitionSource"), **_compact(props)},
            "createdAt": EPOCH_MS,
        }

    def _product(self, index: int) -> Row:
        rng = self.rng
        category = rng.choice(list(_CATEGORIES))
        low, high = _CATEGORIES[category]
        price = Decimal(rng.randint(low * 100, high * 100)) / 100
        # About one product in eight costs more than it earns.
        margin = rng.uniform(1.05, 1.3) if rng.random() < 0.12 else rng.uniform(0.3, 0.8)
        props = reference_writes.product_props(
            {
                "sku": f"SKU-{index + 1:04d}",
                "name": f"{rng.choice(_ORG_WORDS)} {category} {index + 1}",
                "category": category,
                "price": price,
                "unit_cost": (price * Decimal(str(round(margin, 2)))).quantize(Decimal("0.01")),
                "currency": self.currency,
            },
            currency=self.currency,
        )
        return {"props": {"id": self.new_id("Product"), **_compact(props)}, "createdAt": EPOCH_MS}

    # --- customers ----------------------------------------------------------------------

    def _customer(self, index: int, referral: int, others: list[int], earlier: list[str]) -> Row:
        """A customer as `cdp.customers.writes.upsert_customer` creates one."""
        rng = self.rng
        employees = self.rows.employees
        created = self._time(0, SPAN_DAYS - 60)
        city, country = rng.choice(_CITIES)
        owner = rng.randrange(len(employees))
        data: dict[str, Any] = {
            "lifecycle_stage": rng.choices(STAGES, cum_weights=STAGE_CUMULATIVE)[0],
            "addresses": [
                {
                    "kind": "billing",
                    "line1": f"{rng.randint(1, 200)} Main street",
                    "city": city,
                    "country": country,
                    "postal_code": f"{rng.randint(1000, 9999)}",
                }
            ],
            "account_owner_id": employees[owner]["props"]["id"],
            "interests": rng.sample(_INTERESTS, rng.randint(0, 3)),
            "preferences": {
                "preferred_channel": rng.choice(("EMAIL", "PHONE", "SMS", "POST")),
                "preferred_language": rng.choice(("en", "lv", "he", "de")),
                "do_not_contact": rng.random() < 0.05,
            },
        }
        if _is_org(index):
            name = f"{rng.choice(_ORG_WORDS)} {rng.choice(_ORG_WORDS)} {rng.choice(_ORG_KINDS)}"
            data.update(
                kind="ORGANIZATION",
                name=name,
                emails=[f"info@{name.split()[0].lower()}{index}.example"],
                demographics={
                    "industry": rng.choice(_INDUSTRIES),
                    "employee_count": rng.choice((8, 40, 250, 1200, 9000)),
                },
            )
        else:
            first = rng.choice(FIRST_NAMES)
            last = rng.choices(LAST_NAMES, cum_weights=LAST_CUMULATIVE)[0]
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
        customer_id = self.new_id("Customer")
        referrer: str | None = None
        # Referrals attach preferentially to customers who already referred: chains form.
        if earlier and rng.random() < 0.18:
            referrer = earlier[min(int(rng.paretovariate(1.2)) - 1, len(earlier) - 1)]
            source = referral
        else:
            source = rng.choice(others)
        data["acquisition"] = {
            "source_id": self.rows.sources[source]["props"]["id"],
            "referrer_id": referrer,
        }
        data["external_ids"] = [{"system": EXTERNAL_SYSTEM, "value": f"C{index:07d}"}]
        change = customer_writes.read_input(READ_MODEL, data)
        assert change.addresses is not None
        props = _compact(change.props)
        birth_date: date | None = props.pop("birthDate", None)
        if referrer is not None:
            self.rows.referrals.append({"from": referrer, "to": customer_id, "at": created})
        return {
            "props": {
                "id": customer_id,
                "revenueMinor": 0,
                **props,
                "addressFingerprint": change.address_fingerprint,
            },
            "createdAt": created,
            "updatedAt": AS_OF_MS,
            "lastContactAt": None,
            "birthDate": birth_date.isoformat() if birth_date else None,
            "externalId": change.external_ids[0],
            "address": _compact(change.addresses[0]),
            "source": source,
            "acquisition": _compact({"referrerId": referrer}),
            "acquiredAt": created,
            "consents": [],
            # The first owner owns the customer from the start of the relationship.
            "owners": [{"employee": owner, "since": created, "until": None}],
        }

    def _consents(self, customer: Row) -> set[str]:
        """Consent events as `cdp.consent.writes.record_consent` writes them; the channels
        granted."""
        rng = self.rng
        granted: set[str] = set()
        for channel, likelihood in (("EMAIL", 0.7), ("SMS", 0.4), ("PHONE", 0.3), ("POST", 0.5)):
            if rng.random() < likelihood:
                status = "WITHDRAWN" if rng.random() < 0.1 else "GRANTED"
                if status == "GRANTED":
                    granted.add(channel)
                customer["consents"].append(
                    self._consent(
                        "MARKETING",
                        channel,
                        status,
                        rng.choice(("sign-up form", "store counter", "phone call")),
                    )
                )
        if rng.random() < 0.6:
            # SHARING has no channel (`cdp.consent.writes`).
            customer["consents"].append(self._consent("SHARING", None, "GRANTED", "sign-up form"))
        return granted

    def _consent(self, purpose: str, channel: str | None, status: str, source: str) -> Row:
        props = {
            "purpose": purpose,
            "channel": channel,
            "status": status,
            "source": validation.text(source, "input.source", max_length=200),
        }
        return {"props": props, "at": self._time(0, SPAN_DAYS), "recordedAt": AS_OF_MS}

    def _contacts(self, organization: Row, people: list[str]) -> None:
        """Contacts as `cdp.contacts.writes.add_contact` writes them."""
        rng = self.rng
        contacts = []
        for number in range(rng.randint(1, 4)):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            props = {
                "id": self.new_id("Contact"),
                "name": f"{first} {last}",
                "role": rng.choice(("Purchasing", "Finance", "CEO", "IT", "Operations")),
                "emails": validation.emails(
                    [f"{first}.{last}.{number}@corp.example"], "input.emails"
                ),
                "phones": [],
                "channels": sorted(set(rng.sample(("EMAIL", "PHONE", "VIDEO_CALL", "CHAT"), 2))),
            }
            person = rng.choice(people) if people and rng.random() < 0.25 else None
            contacts.append({"props": props, "person": person})
        self.rows.contacts.append({"customer": organization["props"]["id"], "contacts": contacts})

    def _orders(self, customer: Row, index: int) -> None:
        """Orders as `cdp.orders.writes.place_order` (and `mark_invoice_paid`) write them."""
        rng = self.rng
        products = self.rows.products
        # A heavy tail: most buy a few times, some buy often and in volume.
        count = min(int(rng.paretovariate(1.4)) + (0 if rng.random() < 0.2 else 1), 40)
        orders = []
        revenue = 0
        for number in range(count):
            placed = self._seasonal_time()
            status = rng.choices(STATUSES, cum_weights=STATUS_CUMULATIVE)[0]
            chosen = rng.sample(range(len(products)), rng.randint(1, 4))
            items: list[Row] = [
                {
                    "product": product,
                    "props": {
                        "quantity": rng.choice((1, 1, 1, 2, 3, 5, 10)),
                        "unitPriceMinor": products[product]["props"]["priceMinor"],
                        "position": position,
                    },
                }
                for position, product in enumerate(chosen)
            ]
            total = sum(i["props"]["quantity"] * i["props"]["unitPriceMinor"] for i in items)
            props: Row = {
                "id": self.new_id("Order"),
                "number": f"B-{index:07d}-{number:03d}",
                "status": status,
                "paymentMethod": rng.choice(_PAYMENTS),
                "currency": self.currency,
                "totalMinor": total,
            }
            paid: int | None = None
            # Most completed invoices are paid; the rest are overdue.
            if status == "COMPLETED":
                revenue += total
                if rng.random() < 0.85:
                    paid = placed + rng.randint(1, 40) * DAY_MS
            orders.append(
                {
                    "props": props,
                    "placedAt": placed,
                    "paidAt": paid,
                    "invoiceDueDate": _day(placed + 30 * DAY_MS),
                    "items": items,
                }
            )
        customer["props"]["revenueMinor"] = revenue
        self.rows.orders.append({"customer": customer["props"]["id"], "orders": orders})

    def _touchpoints(self, customer: Row, granted: set[str]) -> None:
        """Touchpoints as `cdp.touchpoints.writes.record_touchpoint` writes them."""
        rng = self.rng
        touchpoints = []
        last = 0
        for _ in range(rng.randint(1, 8)):
            kind = rng.choice(_KINDS)
            channel = rng.choice(_CHANNELS)
            needs = _CONSENT_CHANNEL.get(channel)
            if kind in _MARKETING_KINDS and needs and needs not in granted:
                kind = "SERVICE"  # no marketing where the customer did not agree to it
            outbound = kind in _OUTBOUND_ONLY or channel in ("ADVERTISING", "NEWSLETTER")
            resolved = kind != "COMPLAINT" or rng.random() < 0.7
            occurred = self._time(30, SPAN_DAYS)
            props = {
                "id": self.new_id("Touchpoint"),
                "channel": channel,
                "direction": "OUTBOUND" if outbound else rng.choice(("INBOUND", "OUTBOUND")),
                "kind": kind,
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
            }
            last = max(last, occurred)
            employee = rng.randrange(len(self.rows.employees))
            touchpoints.append(
                {"props": _compact(props), "occurredAt": occurred, "employee": employee}
            )
        customer["lastContactAt"] = last
        self.rows.touchpoints.append(
            {"customer": customer["props"]["id"], "touchpoints": touchpoints}
        )

    def _reassign(self, customer: Row) -> None:
        """A new account owner, as `cdp.customers.writes.assign_account_owner` records it;
        assigning the current owner again changes nothing."""
        rng = self.rng
        employee = rng.randrange(len(self.rows.employees))
        since = AS_OF_MS - rng.randint(1, 90) * DAY_MS - rng.randint(0, 1439) * MINUTE_MS
        current = customer["owners"][-1]
        if current["employee"] == employee:
            return
        current["until"] = since
        customer["owners"].append({"employee": employee, "since": since, "until": None})

    def _influence_network(self, ids: list[str]) -> None:
        """Influences as `cdp.influence.writes.link_influence` writes them: a few opinion leaders
        sway many; everyone else a few, preferring the popular."""
        rng = self.rng
        if len(ids) < 2:
            return
        leader_list = rng.sample(ids, max(1, len(ids) // 100))
        leaders = set(leader_list)
        links: set[tuple[str, str]] = set()
        for leader in leader_list:
            for follower in rng.sample(ids, min(len(ids) - 1, rng.randint(8, 40))):
                links.add((leader, follower))
        targets = list(leader_list)
        for source in ids:
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
            low, high = (0.5, 1.0) if kind == "OPINION_LEADER" else (0.05, 0.7)
            strength = validation.in_range(
                float(round(rng.uniform(low, high), 2)), 0.0, 1.0, "input.strength"
            )
            self.rows.influences.append(
                {
                    "from": source,
                    "to": target,
                    "props": {"strength": strength, "kind": kind},
                    "since": self._time(0, SPAN_DAYS),
                }
            )

    # --- helpers: moments in epoch milliseconds ------------------------------------------

    def _time(self, low_days: int, high_days: int) -> int:
        return EPOCH_MS + self.rng.randint(low_days * 1440, high_days * 1440) * MINUTE_MS

    def _seasonal_time(self) -> int:
        rng = self.rng
        return _ms(
            datetime(
                rng.choice((2024, 2025)),
                rng.choices(MONTHS, cum_weights=MONTH_CUMULATIVE)[0],
                rng.randint(1, 28),
                rng.randint(8, 20),
                rng.randint(0, 59),
                tzinfo=UTC,
            )
        )
