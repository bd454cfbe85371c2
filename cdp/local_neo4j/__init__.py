"""A Neo4j Community server provisioned and run by the project itself."""

from cdp.local_neo4j.distribution import DistributionError, neo4j_version
from cdp.local_neo4j.server import LocalNeo4j, Neo4jStartError, PortInUse, StartResult, Status

__all__ = [
    "DistributionError",
    "LocalNeo4j",
    "Neo4jStartError",
    "PortInUse",
    "StartResult",
    "Status",
    "neo4j_version",
]
