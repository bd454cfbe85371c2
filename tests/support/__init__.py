"""What tests of both layers share: calling the API, reading the graph, running a test Neo4j."""
