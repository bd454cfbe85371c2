"""Pieces of the projection: map projections, date-times as text, the registry, page sizes."""

from __future__ import annotations

import pytest

from cdp.access.policy import FULL_ACCESS, PLATFORM_RULES, Policy
from cdp.access.viewer import Role, Viewer
from cdp.compiler.cypher import QueryBuilder
from cdp.compiler.projection import (
    Moment,
    ObjectSpec,
    Registry,
    Related,
    as_text,
    map_projection,
    page_size,
    project,
    prop,
)
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, ValueOutOfRange
from cdp.read_model import READ_MODEL, TYPE_NAMES


def test_properties_under_their_own_name_are_read_as_shorthand() -> None:
    entries = {"id": "c.id", "label": "c.name", "kind": "c.kind"}
    assert map_projection("c", entries) == "c {.id, .kind, `label`: c.name}"


def test_a_map_without_shorthand_is_a_literal() -> None:
    assert map_projection("c", {"a": "c.x"}) == "{`a`: c.x}"
    assert map_projection("c", {}) == "{}"


def test_a_map_reading_one_property_twice_is_a_literal() -> None:
    # Neo4j 5.26 answered null for one of two keys reading the same property.
    assert map_projection("c", {"id": "c.id", "same": "c.id"}) == "{`id`: c.id, `same`: c.id}"


def test_an_expression_variable_is_projected_as_a_literal() -> None:
    assert map_projection("x1_o.a", {"a": "x1_o.a.a"}) == "{`a`: x1_o.a.a}"


def test_date_times_are_turned_to_text_after_the_map_is_built() -> None:
    qb = QueryBuilder(FULL_ACCESS, Registry(), 1000)
    assert as_text(qb, "c {.id}", []) == "c {.id}"
    assert as_text(qb, "c {.id, .at}", ["at"]) == (
        "[m1 IN [c {.id, .at}] | m1 {.*, `at`: toString(m1.`at`)}][0]"
    )


def test_the_registry_holds_each_type_once() -> None:
    spec = ObjectSpec("Thing", fields={"id": prop("id")})
    registry = Registry([spec])
    assert registry["Thing"] is spec
    assert "Thing" in registry
    assert "Other" not in registry
    assert registry.names == ("Thing",)
    with pytest.raises(ValueError, match="Thing"):
        Registry([spec, spec])


def test_the_read_model_names_every_object_type_it_reads() -> None:
    assert set(TYPE_NAMES) == {
        *("Customer", "Demographics", "Preferences", "ExternalId", "Address"),
        *("Acquisition", "Ownership", "Order", "OrderStatusChange", "LineItem"),
        *("PurchasedProduct", "Touchpoint", "SlaStatus"),
        *("ComplaintDue", "InvoiceReminder", "GoalAtRisk", "FollowUpDue", "GreetingDue"),
        *("Influence", "Contact", "ConsentState", "Product", "AcquisitionSource", "Employee"),
        *("Goal", "GoalPeriod", "GoalValue", "GoalProgress"),
        *("Campaign", "CampaignPeriod", "PromotionLift", "CustomerLift"),
        "LifecycleChange",
    }
    assert [spec.name for spec in READ_MODEL if spec.audited] == ["Customer"]


def test_ids_name_the_label_whose_spec_declares_their_prefix() -> None:
    registry = Registry([ObjectSpec("Thing", fields={}, id_prefix="thg")])
    thing = "thg_" + "0" * 32
    assert registry.id_prefix("Thing") == "thg"
    assert registry.label_of(thing) == "Thing"
    assert registry.label_of("cus_" + "0" * 32) is None  # a prefix no type declares
    assert registry.label_of("thg_not-hex") is None
    assert registry.require_id(thing, "Thing", "id") == thing
    with pytest.raises(BadUserInput) as refused:
        registry.require_id(thing, "Other", "input.otherId")
    assert refused.value.field == "input.otherId"


def test_two_types_may_not_share_an_id_prefix() -> None:
    with pytest.raises(ValueError, match="thg"):
        Registry(
            [
                ObjectSpec("Thing", fields={}, id_prefix="thg"),
                ObjectSpec("Thong", fields={}, id_prefix="thg"),
            ]
        )


def test_the_read_model_gives_each_node_type_its_prefix() -> None:
    prefixes = {spec.name: spec.id_prefix for spec in READ_MODEL if spec.id_prefix}
    assert prefixes == {
        "Customer": "cus",
        "Contact": "con",
        "AcquisitionSource": "src",
        "Product": "prd",
        "Order": "ord",
        "Touchpoint": "tpt",
        "Employee": "emp",
        "Goal": "gol",
        "Campaign": "cmp",
    }


def test_a_masked_field_reads_its_mask_unless_the_viewer_sees_personal_data() -> None:
    spec = ObjectSpec(
        "Thing", fields={"secret": prop("secret")}, masks={"secret": lambda v: f"left({v}.x, 1)"}
    )
    selected = Selected("thing", "thing", fields=(Selected("secret", "secret"),))
    analyst = QueryBuilder(Policy(Viewer("k", Role.ANALYST), PLATFORM_RULES), Registry([spec]), 9)
    assert project(analyst, "Thing", "t", selected) == "{`secret`: left(t.x, 1)}"
    assert analyst.pii_read == set()
    admin = QueryBuilder(FULL_ACCESS, Registry([spec]), 9)
    assert project(admin, "Thing", "t", selected) == "t {.secret}"
    assert admin.pii_read == {"Thing.secret"}  # unmasked personal data, for the audit log


def test_a_related_pattern_condition_joins_the_partner_visibility_in_one_where() -> None:
    person = ObjectSpec("Person", fields={"id": prop("id")}, guarded_by="self")
    thing = ObjectSpec(
        "Thing",
        fields={
            "people": Related(
                "Person",
                lambda _, x, __: f"({x}:Person)",
                pattern_where=lambda v, x, _: [f"{x}.team = {v}.team"],
            )
        },
    )
    selected = Selected(
        "thing", "thing", fields=(Selected("people", "people", fields=(Selected("id", "id"),)),)
    )
    partner = Policy(Viewer("k", Role.PARTNER, partner_id="par_1"), PLATFORM_RULES)
    qb = QueryBuilder(partner, Registry([person, thing]), 9)
    compiled = project(qb, "Thing", "t", selected)
    head = "{`people`: COLLECT { MATCH (x1:Person) WHERE x1.team = t.team AND (EXISTS {"
    assert compiled.startswith(head)
    assert compiled.count("WHERE") == 2  # the pattern's, and the consent's inside visibility


def test_an_audited_type_is_tagged_for_viewers_who_see_personal_data() -> None:
    spec = ObjectSpec("Thing", fields={"at": Moment("at")}, audited=True)
    selected = Selected("thing", "thing", fields=(Selected("at", "when"),))
    admin = QueryBuilder(FULL_ACCESS, Registry([spec]), 1000)
    assert project(admin, "Thing", "t", selected) == (
        "[m1 IN [{`when`: t.at, `__audit`: t.id}] | m1 {.*, `when`: toString(m1.`when`)}][0]"
    )
    analyst = QueryBuilder(
        Policy(Viewer("k", Role.ANALYST), PLATFORM_RULES), Registry([spec]), 1000
    )
    assert "__audit" not in project(analyst, "Thing", "t", selected)


@pytest.mark.parametrize(
    ("first", "default", "limit", "size"),
    [
        (None, 20, 1000, 20),
        (5, 20, 1000, 5),
        (0, 20, 1000, 0),
        (1000, 20, 1000, 1000),
        (None, 100, 50, 50),  # a default beyond the limit is cut to it
        (100, 100, 50, 50),  # ... also when the schema filled it in
    ],
)
def test_page_sizes(first: int | None, default: int, limit: int, size: int) -> None:
    assert page_size(first, default, limit) == size


@pytest.mark.parametrize("first", [-1, 1001])
def test_page_sizes_beyond_the_limit_are_refused(first: int) -> None:
    with pytest.raises(ValueOutOfRange) as refused:
        page_size(first, 20, 1000)
    assert (refused.value.field, refused.value.limit) == ("first", 1000)
