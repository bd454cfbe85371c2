// email_contains_and_starts_with, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"email": {"contains": "EXAMPLE", "startsWith": "a"}}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE any(e2 IN coalesce(x1.emails, [])
  WHERE toLower(e2) CONTAINS $p0 AND toLower(e2) STARTS
  WITH $p1)
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching3[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "example",
//   "p1": "a",
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
