// name_every_operator, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"name": {"equals": "Ada", "contains": "d", "startsWith": "A"}}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE x1.name = $p0 AND toLower(x1.name) CONTAINS $p1 AND toLower(x1.name) STARTS
  WITH $p2
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: [x1 IN matching2[..$p6] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "Ada",
//   "p1": "d",
//   "p2": "a",
//   "p3": 20,
//   "p4": false,
//   "p5": "NAME_ASC",
//   "p6": 21
// }
