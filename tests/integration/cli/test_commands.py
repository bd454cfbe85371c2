from __future__ import annotations

import asyncio

from typer.testing import CliRunner

from cdp.access.api_keys import KeyVerifier
from cdp.cli.commands import app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.customers.seed import add_employee, new_id, utc


def run(env: dict[str, str], *args: str) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_migrate_twice_applies_nothing_the_second_time(env: dict[str, str]) -> None:
    run(env, "migrate")
    assert "Migrations are current: nothing to apply" in run(env, "migrate")


def test_migrate_status_lists_the_applied_chain(env: dict[str, str]) -> None:
    output = run(env, "migrate", "--status")
    assert "V0001  applied" in output
    assert "customer_constraints" in output
    assert output.strip().endswith("current")


def test_demo_data_only_into_an_empty_graph(env: dict[str, str], graph: Graph) -> None:
    assert "Loaded 5 demo customers" in run(env, "demo-data", "--customers", "5", "--if-empty")
    assert "already holds customers" in run(env, "demo-data", "--if-empty")


def test_neo4j_status_of_the_running_server(env: dict[str, str], settings: Settings) -> None:
    if settings.neo4j_uri is not None:
        # An external Neo4j: the project runs none of its own and says so.
        result = CliRunner().invoke(app, ["neo4j", "status"], env=env)
        assert result.exit_code == 1
        assert "CDP_NEO4J_URI is set" in result.output
        return
    output = run(env, "neo4j", "status")
    assert "Neo4j is running" in output
    assert "answering" in output


def test_keys_create_list_revoke(env: dict[str, str]) -> None:
    created = run(
        env, "keys", "create", "--name", "crm app", "--role", "agent", "--scope", "pii:read"
    )
    key_id = created.split()[2]
    secret = created.strip().splitlines()[-1]
    assert secret.startswith(f"cdp_{key_id}_")
    listed = run(env, "keys", "list")
    assert f"{key_id}  agent    active" in listed
    assert "scopes=pii:read" in listed
    assert secret not in listed
    assert f"Revoked key {key_id}" in run(env, "keys", "revoke", key_id)
    assert f"{key_id}  agent    revoked" in run(env, "keys", "list")


def test_partner_keys_name_their_partner(env: dict[str, str]) -> None:
    run(env, "keys", "create", "--name", "shop sync", "--role", "partner", "--partner", "Shopify")
    listed = run(env, "keys", "list")
    assert "partner=ptn_" in listed
    result = CliRunner().invoke(
        app, ["keys", "create", "--name", "x", "--role", "partner"], env=env
    )
    assert result.exit_code == 1
    assert "names its partner" in result.output


async def test_a_key_acts_for_the_employee_it_names(env: dict[str, str], graph: Graph) -> None:
    employee = await add_employee(
        graph, "Erin Agent", email="erin@cdp.example", title="Sales", created_at=utc(2024, 1, 1)
    )
    # The command runs an event loop of its own: it runs in a thread, beside the test's.
    created = await asyncio.to_thread(
        run, env, "keys", "create", "--name", "erin", "--role", "agent", "--employee", employee
    )
    key_id = created.split()[2]
    listed = await asyncio.to_thread(run, env, "keys", "list")
    assert f"{key_id}  agent    active   scopes=-  partner=-  employee={employee}  erin" in listed
    viewer = await KeyVerifier(graph, cache_seconds=0).viewer(created.strip().splitlines()[-1])
    assert viewer is not None
    assert viewer.actor == employee
    for options, message in (
        (["--role", "agent", "--employee", new_id("emp")], "No employee has this id."),
        (["--role", "agent", "--employee", "erin"], "'erin' is not the id of a Employee."),
        (["--role", "partner", "--partner", "Shopify", "--employee", employee], "no employee"),
    ):
        result = await asyncio.to_thread(
            CliRunner().invoke, app, ["keys", "create", "--name", "x", *options], env=env
        )
        assert result.exit_code == 1, result.output
        assert message in result.output
    assert "  x" not in await asyncio.to_thread(run, env, "keys", "list")


def test_an_unknown_role_is_refused(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["keys", "create", "--name", "x", "--role", "root"], env=env)
    assert result.exit_code == 1
    assert "Unknown role; one of: admin, agent, analyst, partner." in result.output
    assert "root" not in result.output


def test_partners_systems_add_list_remove(env: dict[str, str]) -> None:
    for partner in ("Shopify", "Zendesk"):
        run(env, "keys", "create", "--name", "sync", "--role", "partner", "--partner", partner)
    assert "Shopify owns system shop" in run(env, "partners", "systems", "add", "Shopify", "shop")
    assert "(already)" in run(env, "partners", "systems", "add", "Shopify", " shop ")
    run(env, "partners", "systems", "add", "Zendesk", "tickets")
    assert run(env, "partners", "systems", "list").splitlines() == [
        "Shopify  shop",
        "Zendesk  tickets",
    ]
    assert run(env, "partners", "systems", "list", "Zendesk").splitlines() == ["Zendesk  tickets"]

    # A system belongs to one partner: another's is refused, an unknown partner too.
    taken = CliRunner().invoke(app, ["partners", "systems", "add", "Zendesk", "shop"], env=env)
    assert taken.exit_code == 1
    assert "Another partner owns this system" in taken.output
    unknown = CliRunner().invoke(app, ["partners", "systems", "add", "Nobody", "x"], env=env)
    assert unknown.exit_code == 1
    assert "No partner has this name" in unknown.output

    assert "no longer owns" in run(env, "partners", "systems", "remove", "Shopify", "shop")
    assert "(did not)" in run(env, "partners", "systems", "remove", "Shopify", "shop")
    assert run(env, "partners", "systems", "list").splitlines() == ["Zendesk  tickets"]
