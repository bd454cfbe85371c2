"""The `cdp` command line: the service, the local Neo4j, migrations, keys and partners."""
