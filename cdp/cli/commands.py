"""The `cdp` command: run the local Neo4j, migrate, load demo data, serve."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import sys
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Annotated, Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import typer
import uvicorn

from cdp import data_check
from cdp.access import api_keys
from cdp.access.policy import FULL_ACCESS
from cdp.demo_data import is_empty, load_demo_data
from cdp.errors import CdpError
from cdp.local_neo4j import DistributionError, LocalNeo4j
from cdp.partners import systems as partners
from cdp.read_model import READ_MODEL
from cdp.request import Operation
from cdp.settings import Settings, SettingsError, load_settings
from cdp.store.graph import Graph, connect, translate_errors
from cdp.store.migrations import MigrationError, MigrationRunner

app = typer.Typer(
    help="The customer-data platform.", no_args_is_help=True, pretty_exceptions_enable=False
)
neo4j_app = typer.Typer(help="The project's local Neo4j.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
keys_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
partners_app = typer.Typer(help="Partners and what they own.", no_args_is_help=True)
app.add_typer(partners_app, name="partners")
systems_app = typer.Typer(
    help="The external-id systems a partner owns (and alone may write in).", no_args_is_help=True
)
partners_app.add_typer(systems_app, name="systems")

DEMO_CUSTOMERS = 100
P = ParamSpec("P")
R = TypeVar("R")
_EXPECTED = (SettingsError, DistributionError, MigrationError, CdpError)


def _friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Expected failures end the command with their message and exit code 1, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except _EXPECTED as exc:
            typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
            raise typer.Exit(1) from None

    return wrapper


def _local(settings: Settings) -> LocalNeo4j:
    if not settings.uses_local_neo4j:
        raise SettingsError("CDP_NEO4J_URI is set: the project does not run a Neo4j of its own")
    return LocalNeo4j(settings)


async def _with_graph(settings: Settings, work: Callable[[Graph], Coroutine[Any, Any, R]]) -> R:
    graph = connect(settings)
    try:
        async with translate_errors():
            return await work(graph)
    finally:
        await graph.driver.close()


@neo4j_app.command("start")
@_friendly
def neo4j_start() -> None:
    """Start the local Neo4j (downloading it the first time) and wait until it answers."""
    local = _local(load_settings())
    result = local.start()
    if result.already_running:
        typer.echo(f"Neo4j is already running (pid {result.pid}) on {local.uri}")
    else:
        typer.echo(f"Neo4j started (pid {result.pid}) on {local.uri} in {result.seconds:.1f}s")


@neo4j_app.command("stop")
@_friendly
def neo4j_stop() -> None:
    """Stop the local Neo4j."""
    local = _local(load_settings())
    typer.echo("Neo4j stopped" if local.stop() else "Neo4j is not running")


@neo4j_app.command("status")
@_friendly
def neo4j_status() -> None:
    """Say whether the local Neo4j runs and answers; exit code 3 when it is not running."""
    local = _local(load_settings())
    status = local.status()
    if not status.running:
        typer.echo("Neo4j is not running")
        raise typer.Exit(3)
    answering = "answering" if status.answering else "not answering yet"
    typer.echo(f"Neo4j is running (pid {status.pid}) on {status.uri}, {answering}")
    typer.echo(f"user neo4j, password in {local.password_file}")


@neo4j_app.command("logs")
@_friendly
def neo4j_logs(lines: Annotated[int, typer.Option("--lines", "-n", min=1)] = 50) -> None:
    """Print the last lines of the local Neo4j's log."""
    typer.echo(_local(load_settings()).log_tail(lines), nl=False)


@keys_app.command("create")
@_friendly
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what holds it.")],
    role: Annotated[str, typer.Option(help="admin, agent, analyst or partner.")],
    scope: Annotated[list[str] | None, typer.Option(help="e.g. pii:read; repeatable.")] = None,
    partner: Annotated[str | None, typer.Option(help="The partner's name (partner keys).")] = None,
    employee: Annotated[
        str | None, typer.Option(help="The id of the employee the key acts for (staff keys).")
    ] = None,
    expires: Annotated[datetime | None, typer.Option(help="Expiry, ISO 8601 (UTC).")] = None,
) -> None:
    """Create an API key and print it: it is shown this once, and stored only hashed."""

    if employee is not None:
        READ_MODEL.require_id(employee, "Employee", "employeeId")

    async def work(graph: Graph) -> None:
        partner_id = await api_keys.ensure_partner(graph, partner) if partner else None
        expires_at = expires.replace(tzinfo=UTC) if expires and not expires.tzinfo else expires
        created = await api_keys.create_key(
            graph,
            name=name,
            role=role,
            scopes=scope,
            partner_id=partner_id,
            employee_id=employee,
            expires_at=expires_at,
        )
        typer.echo(f"Created key {created.id} ({role}). Keep it now, it is not shown again:")
        typer.echo(created.secret)

    asyncio.run(_with_graph(load_settings(), work))


@keys_app.command("list")
@_friendly
def keys_list() -> None:
    """List the API keys (never their secrets)."""

    async def work(graph: Graph) -> None:
        for key in await api_keys.list_keys(graph):
            state = "revoked" if key["revokedAt"] else "active"
            scopes = ",".join(key["scopes"] or []) or "-"
            typer.echo(
                f"{key['id']}  {key['role']:<8} {state:<8} scopes={scopes}  "
                f"partner={key['partnerId'] or '-'}  employee={key['employeeId'] or '-'}  "
                f"{key['name']}"
            )

    asyncio.run(_with_graph(load_settings(), work))


@keys_app.command("revoke")
@_friendly
def keys_revoke(key_id: str) -> None:
    """Revoke an API key (running services notice within CDP_KEY_CACHE_SECONDS)."""

    async def work(graph: Graph) -> None:
        await api_keys.revoke_key(graph, key_id)
        typer.echo(f"Revoked key {key_id}")

    asyncio.run(_with_graph(load_settings(), work))


@systems_app.command("add")
@_friendly
def systems_add(partner: str, system: str) -> None:
    """Give an external-id system to a partner (by the partner's name)."""
    _assign_system(partner, system, assigned=True)


@systems_app.command("remove")
@_friendly
def systems_remove(partner: str, system: str) -> None:
    """Take an external-id system back from a partner; its ids stay as they are."""
    _assign_system(partner, system, assigned=False)


def _assign_system(partner: str, system: str, *, assigned: bool) -> None:
    async def work(graph: Graph) -> None:
        partner_id = await partners.partner_id(graph, partner)
        op = Operation.of(graph, FULL_ACCESS, "assignPartnerSystem", registry=READ_MODEL)
        changed = await partners.assign_system(op, partner_id, system, assigned=assigned)
        if assigned:
            typer.echo(f"{partner} owns system {system}" + ("" if changed else " (already)"))
        else:
            typer.echo(
                f"{partner} no longer owns system {system}" + ("" if changed else " (did not)")
            )

    asyncio.run(_with_graph(load_settings(), work))


@systems_app.command("list")
@_friendly
def systems_list(
    partner: Annotated[str | None, typer.Argument(help="Only this partner's.")] = None,
) -> None:
    """List the systems each partner owns."""

    async def work(graph: Graph) -> None:
        partner_id = await partners.partner_id(graph, partner) if partner else None
        for row in await partners.list_systems(graph, partner_id):
            typer.echo(f"{row['partner']}  {row['system']}")

    asyncio.run(_with_graph(load_settings(), work))


@app.command("migrate")
@_friendly
def migrate(
    status: Annotated[bool, typer.Option("--status", help="Show applied and pending.")] = False,
    unlock: Annotated[bool, typer.Option("--unlock", help="Remove a stale lock.")] = False,
) -> None:
    """Apply pending graph migrations (or show them with --status)."""
    settings = load_settings()

    async def work(graph: Graph) -> None:
        runner = MigrationRunner(graph.driver, graph.database)
        if unlock:
            await runner.unlock()
            typer.echo("Migration lock removed")
        elif status:
            _print_status(await runner.status())
        else:
            _print_applied(await runner.migrate())

    asyncio.run(_with_graph(settings, work))


@app.command("check")
@_friendly
def check() -> None:
    """List stored records that break a rule added after they were written (exit 1 if any)."""
    settings = load_settings()
    findings = asyncio.run(_with_graph(settings, data_check.check))
    for finding in findings:
        if finding.count:
            more = ", ..." if finding.count > len(finding.sample) else ""
            typer.echo(f"{finding.rule.name}: {finding.count} {finding.rule.description}")
            typer.echo(f"  {', '.join(finding.sample)}{more}")
    broken = sum(1 for finding in findings if finding.count)
    if broken:
        typer.echo(f"{broken} of {len(findings)} rules are broken by stored records")
        raise typer.Exit(1)
    typer.echo(f"Every stored record keeps all {len(findings)} rules")


@app.command("demo-data")
@_friendly
def demo_data(
    customers: Annotated[int, typer.Option(min=1, max=1_000_000)] = DEMO_CUSTOMERS,
    seed: Annotated[int, typer.Option()] = 7,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Only into an empty graph.")] = False,
) -> None:
    """Load a realistic, deterministic demo graph through the API's own write path."""
    settings = load_settings()

    async def work(graph: Graph) -> None:
        if if_empty and not await is_empty(graph):
            typer.echo("The graph already holds customers: no demo data loaded")
            return
        await _load_demo(graph, settings, customers, seed)

    asyncio.run(_with_graph(settings, work))


async def _load_demo(graph: Graph, settings: Settings, customers: int, seed: int) -> None:
    with typer.progressbar(length=customers, label="Demo customers", file=sys.stderr) as bar:
        summary = await load_demo_data(
            graph,
            customers=customers,
            seed=seed,
            currency=settings.currency,
            zone=ZoneInfo(settings.business_timezone),
            progress=bar.update,
        )
    typer.echo(
        f"Loaded {summary.customers} demo customers ({summary.organizations} organizations), "
        f"{summary.products} products, {summary.orders} orders, {summary.touchpoints} "
        f"touchpoints, {summary.influences} influences, {summary.campaigns} campaigns "
        f"(seed {seed})"
    )


@app.command("serve")
@_friendly
def serve(
    host: Annotated[str | None, typer.Option(help="Default: CDP_HOST or 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: CDP_PORT or 8000.")] = None,
    workers: Annotated[int | None, typer.Option(help="Default: CDP_WORKERS or 1.")] = None,
    prepare: Annotated[
        bool,
        typer.Option(
            help="Start the local Neo4j, migrate and load demo data into an empty graph first."
        ),
    ] = True,
) -> None:
    """Serve the GraphQL API with uvicorn; stops the local Neo4j it started on exit."""
    settings = load_settings()
    host, port = host or settings.host, port or settings.port
    started_local: LocalNeo4j | None = None
    try:
        if prepare:
            started_local = _prepare(settings)
        _print_banner(settings, host, port)
        uvicorn.run("cdp.edge.app:create_app", **uvicorn_options(settings, host, port, workers))
    finally:
        if started_local is not None:
            typer.echo("Stopping the local Neo4j this command started")
            started_local.stop()


def uvicorn_options(
    settings: Settings, host: str, port: int, workers: int | None
) -> dict[str, Any]:
    """What `serve` hands uvicorn: the server's own bounds on connections come from settings
    (the body-read timeout is the application's: uvicorn has none)."""
    return {
        "factory": True,
        "host": host,
        "port": port,
        "workers": workers or settings.workers,
        "log_level": "info",
        "limit_concurrency": settings.limit_concurrency,
        "timeout_keep_alive": settings.keep_alive_timeout,
    }


@app.command("export-schema")
def export_schema() -> None:
    """Write the GraphQL SDL to schema/schema.graphql (a test fails when it drifts)."""
    from schema.root import SDL_PATH, sdl  # noqa: PLC0415 - the CLI sits above the schema

    SDL_PATH.write_text(sdl())
    typer.echo(f"Wrote {SDL_PATH}")


def _prepare(settings: Settings) -> LocalNeo4j | None:
    started: LocalNeo4j | None = None
    if settings.uses_local_neo4j:
        local = LocalNeo4j(settings)
        typer.echo("Starting the local Neo4j (the first run downloads it)...")
        result = local.start()
        started = None if result.already_running else local
        state = "already running" if result.already_running else f"up in {result.seconds:.1f}s"
        typer.echo(f"Neo4j {state} on {local.uri}")

    async def work(graph: Graph) -> None:
        _print_applied(await MigrationRunner(graph.driver, graph.database).migrate())
        await _ensure_admin_key(graph, settings)
        if await is_empty(graph):
            typer.echo("The graph is empty: loading the demo graph")
            await _load_demo(graph, settings, DEMO_CUSTOMERS, 7)

    try:
        asyncio.run(_with_graph(settings, work))
    except BaseException:
        if started is not None:
            started.stop()
        raise
    return started


async def _ensure_admin_key(graph: Graph, settings: Settings) -> None:
    """A local admin key in `<CDP_HOME>/admin-key` (0600), created when missing or revoked."""
    path = settings.home / "admin-key"
    if path.is_file():
        verifier = api_keys.KeyVerifier(graph)
        if await verifier.viewer(path.read_text().strip()) is not None:
            return
    created = await api_keys.create_key(graph, name="local admin", role="admin")
    settings.home.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(created.secret + "\n")
    typer.echo(f"Created a local admin API key in {path}")


def _print_banner(settings: Settings, host: str, port: int) -> None:
    url = f"http://{host}:{port}/graphql"
    typer.secho(
        f"\nGraphQL: {url}" + ("" if settings.production else "  (GraphiQL in a browser)"),
        fg=typer.colors.GREEN,
        bold=True,
    )
    key_file = settings.home / "admin-key"
    if key_file.is_file():
        key = key_file.read_text().strip()
        typer.echo(f"API key: {key}  (admin; kept in {key_file})")
        headers = json.dumps({"Authorization": f"Bearer {key}"})
        typer.echo(f"         GraphiQL headers tab: {headers}")
    if settings.uses_local_neo4j:
        local = LocalNeo4j(settings)
        typer.echo(f"Neo4j:   {local.uri}  user neo4j, password in {local.password_file}")
    typer.echo("Stop with Ctrl-C.\n")


def _print_applied(applied: list[Any]) -> None:
    if not applied:
        typer.echo("Migrations are current: nothing to apply")
    for migration in applied:
        typer.echo(f"Applied V{migration.version:04d} {migration.description}")


def _print_status(status: Any) -> None:
    for record in status.applied:
        when = record.installed_at.isoformat(timespec="seconds") if record.installed_at else "?"
        typer.echo(f"V{record.version:04d}  applied  {when}  {record.description}")
    for migration in status.pending:
        typer.echo(f"V{migration.version:04d}  pending  {migration.description}")
    for problem in status.problems:
        typer.secho(f"problem: {problem}", fg=typer.colors.RED)
    typer.echo("current" if status.current else f"{len(status.pending)} pending")


def main() -> None:
    app()
