"""The graph store: the one driver, statements and their errors, migrations."""
