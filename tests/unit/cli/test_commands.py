"""The command line before it reaches Neo4j."""

from __future__ import annotations

from typer.testing import CliRunner

from cdp.cli.commands import app


def test_bad_settings_end_with_a_message_not_a_traceback() -> None:
    result = CliRunner().invoke(app, ["migrate"], env={"CDP_PORT": "nope"})
    assert result.exit_code == 1
    assert "CDP_PORT" in result.output
    assert "Traceback" not in result.output
