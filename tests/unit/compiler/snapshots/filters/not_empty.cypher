// not_empty, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"NOT": {}}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE NOT true
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: [x1 IN matching2[..$p3] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 21
// }
