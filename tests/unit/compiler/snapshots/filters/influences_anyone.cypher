// influences_anyone, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"influences": {}}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE EXISTS {
    MATCH (x1)-[:INFLUENCES]->(c2:Customer) }
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: [x1 IN matching3[..$p3] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 21
// }
