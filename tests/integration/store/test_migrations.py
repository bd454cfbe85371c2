from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest

from cdp.store.graph import Graph
from cdp.store.migrations import (
    ChecksumMismatch,
    MigrationError,
    MigrationLocked,
    MigrationRunner,
    discover,
)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text)
    return path


@pytest.fixture
def migrations(tmp_path: Path) -> Path:
    write(
        tmp_path, "V0001__first.cypher", "// a comment line\nMERGE (:MigrationProbe {step: 1});\n"
    )
    write(
        tmp_path,
        "V0002__second.cypher",
        "MERGE (:MigrationProbe {step: 2});\nMATCH (p:MigrationProbe {step: 2}) SET p.ok = true;\n",
    )
    return tmp_path


@pytest.fixture
def runner(graph: Graph, migrations: Path) -> MigrationRunner:
    # A chain of its own, so the project's applied chain is never touched.
    return MigrationRunner(graph.driver, graph.database, migrations, chain=f"t-{uuid.uuid4()}")


async def probes(graph: Graph) -> list[dict[str, object]]:
    return await graph.read(
        "MATCH (p:MigrationProbe) RETURN p.step AS step, p.ok AS ok ORDER BY step"
    )


async def test_applies_pending_files_in_order(graph: Graph, runner: MigrationRunner) -> None:
    applied = await runner.migrate()
    assert [m.version for m in applied] == [1, 2]
    assert await probes(graph) == [{"step": 1, "ok": None}, {"step": 2, "ok": True}]


async def test_records_the_chain_with_checksums(graph: Graph, runner: MigrationRunner) -> None:
    await runner.migrate()
    rows = await graph.read(
        """
        MATCH (first:__CdpMigration {chain: $chain, version: 1})-[:NEXT]->(second)
        RETURN first.checksum AS c1, second.version AS v2, second.checksum AS c2
        """,
        {"chain": runner.chain},
    )
    files = discover(runner.directory)
    assert rows == [{"c1": files[0].checksum, "v2": 2, "c2": files[1].checksum}]


async def test_second_run_applies_nothing(graph: Graph, runner: MigrationRunner) -> None:
    await runner.migrate()
    assert await runner.migrate() == []
    assert len(await probes(graph)) == 2


async def test_status_shows_applied_and_pending(runner: MigrationRunner, migrations: Path) -> None:
    before = await runner.status()
    assert [m.version for m in before.pending] == [1, 2]
    assert before.applied == []
    assert not before.current

    await runner.migrate()
    write(migrations, "V0003__third.cypher", "MERGE (:MigrationProbe {step: 3});\n")
    after = await runner.status()
    assert [m.version for m in after.applied] == [1, 2]
    assert all(m.installed_at is not None for m in after.applied)
    assert [m.version for m in after.pending] == [3]
    assert not after.current

    await runner.migrate()
    assert (await runner.status()).current


async def test_a_changed_applied_file_is_refused(
    graph: Graph, runner: MigrationRunner, migrations: Path
) -> None:
    await runner.migrate()
    write(migrations, "V0001__first.cypher", "MERGE (:MigrationProbe {step: 100});\n")
    write(migrations, "V0003__third.cypher", "MERGE (:MigrationProbe {step: 3});\n")

    status = await runner.status()
    assert any("V0001__first.cypher changed" in problem for problem in status.problems)
    with pytest.raises(ChecksumMismatch, match=r"V0001__first\.cypher changed"):
        await runner.migrate()
    # Nothing was applied: not the changed file, not the pending one after it.
    assert [row["step"] for row in await probes(graph)] == [1, 2]


async def test_a_missing_applied_file_is_reported(
    runner: MigrationRunner, migrations: Path
) -> None:
    await runner.migrate()
    (migrations / "V0002__second.cypher").unlink()
    status = await runner.status()
    assert any("V0002" in problem and "missing" in problem for problem in status.problems)


async def test_a_file_older_than_the_applied_chain_is_refused(
    runner: MigrationRunner, migrations: Path
) -> None:
    await runner.migrate()
    write(migrations, "V0000__late.cypher", "RETURN 1;\n")
    with pytest.raises(ChecksumMismatch, match="older than the last applied"):
        await runner.migrate()


async def test_a_held_lock_stops_a_second_process(graph: Graph, runner: MigrationRunner) -> None:
    await runner._bootstrap()
    await runner._lock("another-process")
    with pytest.raises(MigrationLocked, match="another process is migrating"):
        await runner.migrate()
    assert await probes(graph) == []

    await runner.unlock()
    assert [m.version for m in await runner.migrate()] == [1, 2]


async def test_concurrent_runs_apply_each_file_once(graph: Graph, migrations: Path) -> None:
    chain = f"t-{uuid.uuid4()}"
    runners = [MigrationRunner(graph.driver, graph.database, migrations, chain) for _ in range(3)]
    outcomes = await asyncio.gather(*(r.migrate() for r in runners), return_exceptions=True)
    applied = [o for o in outcomes if isinstance(o, list)]
    assert all(isinstance(o, list | MigrationLocked) for o in outcomes)
    assert sorted(len(o) for o in applied)[-1] == 2
    assert sum(len(o) for o in applied) == 2
    rows = await graph.read(
        "MATCH (m:__CdpMigration {chain: $chain}) RETURN count(m) AS n", {"chain": chain}
    )
    assert rows == [{"n": 2}]
    assert (await runners[0].status()).current


async def test_a_failing_statement_names_its_file(graph: Graph, tmp_path: Path) -> None:
    write(tmp_path, "V0001__broken.cypher", "THIS IS NOT CYPHER;\n")
    runner = MigrationRunner(graph.driver, graph.database, tmp_path, chain=f"t-{uuid.uuid4()}")
    with pytest.raises(MigrationError, match=r"V0001__broken\.cypher failed"):
        await runner.migrate()
    assert (await runner.status()).applied == []
    # The lock was released despite the failure.
    rows = await graph.read(
        "MATCH (l:__CdpMigrationLock {chain: $chain}) RETURN count(l) AS n", {"chain": runner.chain}
    )
    assert rows == [{"n": 0}]


_STEP = """
from neo4j import AsyncDriver


async def migrate(driver: AsyncDriver, database: str) -> None:
    await driver.execute_query(
        "MATCH (p:MigrationProbe {step: 2}) SET p.ok = 'by the data step'", database_=database
    )
"""


async def test_a_data_step_runs_after_its_files_statements(
    graph: Graph, runner: MigrationRunner, migrations: Path
) -> None:
    write(migrations, "V0002__second.py", _STEP)
    await runner.migrate()
    assert await probes(graph) == [{"step": 1, "ok": None}, {"step": 2, "ok": "by the data step"}]


async def test_a_data_step_is_part_of_the_checksum(
    runner: MigrationRunner, migrations: Path
) -> None:
    plain = {m.version: m.checksum for m in discover(migrations)}
    step = write(migrations, "V0002__second.py", _STEP)
    with_step = discover(migrations)
    assert with_step[1].step == step
    assert with_step[0].checksum == plain[1]
    assert with_step[1].checksum != plain[2]
    await runner.migrate()
    write(migrations, "V0002__second.py", _STEP.replace("by the data step", "changed"))
    assert any("V0002__second.cypher changed" in p for p in (await runner.status()).problems)


async def test_a_failing_data_step_names_its_file_and_is_not_recorded(
    graph: Graph, runner: MigrationRunner, migrations: Path
) -> None:
    write(migrations, "V0002__second.py", _STEP.replace("MATCH (p", "NOT CYPHER (p"))
    with pytest.raises(MigrationError, match=r"V0002__second\.py failed"):
        await runner.migrate()
    assert [m.version for m in (await runner.status()).applied] == [1]


async def test_the_project_migrations_create_the_domain_schema(graph: Graph) -> None:
    constraints = await graph.read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    names = set(constraints[0]["names"])
    assert {
        "customer_id",
        "external_id_system_value",
        "product_sku",
        "order_system_number",
    } <= names
    indexes = await graph.read(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties "
        "RETURN name, labelsOrTypes, properties"
    )
    assert {
        "name": "customer_search",
        "labelsOrTypes": ["Customer"],
        "properties": ["nameText", "emailText"],
    } in indexes
