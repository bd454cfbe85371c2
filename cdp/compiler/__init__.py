"""The Cypher compiler: what a client selected (`selection.Selected`) becomes one statement
(`cypher.Statement`: text and parameters), read in one round trip.

- `projection`: `ObjectSpec` says how each object type is read, field by field; a `Registry`
  holds the specs a statement may read (the domains declare theirs in `cdp/<domain>/model.py`,
  `cdp.read_model` assembles them). The engine knows no type by name: what is particular to a
  type (its audit tag, the partner visibility it follows, whether it is read from a
  relationship) is a property of its spec.
- `pagination`: Relay connections with keyset cursors; `cypher`: the builder of one statement
  (`QueryBuilder`, given the viewer's policy, the registry and the page limit) and the helpers
  that write Cypher text.

One way to write Cypher, here and in every write of the core. Text is assembled with f-strings
from variable names and the helpers of `cypher`, which write every brace Cypher needs:
`node("c", "Customer", id=...)` for `(c:Customer {id: ...})`, `record(minor=...)` and
`map_literal(...)` for maps, `properties` for `v {.a, .b}`, `collect`, `count` and `exists` for
subqueries, `where` for a WHERE clause. So no f-string doubles a brace. A fragment used in
several places is a Python function of the variable names it needs (a pattern is
`lambda v, x, r: f"({v})-[:OWNS]->({x})"`; what a partner sees is `cypher.partner_sees`), never
a template filled in later with `str.format` or `str.replace`. A fixed statement (most writes)
is a plain string, its braces as Cypher writes them; fragments join it with `+`. Values travel
only as parameters (`QueryBuilder.param`, or `$name` in a fixed statement); labels and
relationship types are written in the code or come from fixed allowlists.
`tests/unit/compiler/test_cypher.py` checks every module of `cdp/` for doubled braces and
templates.
"""
