"""The catalog customers relate to: products, acquisition sources, employees."""
