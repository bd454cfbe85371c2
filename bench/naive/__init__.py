"""The naive contender: Strawberry with per-field async resolvers and per-request DataLoaders."""
