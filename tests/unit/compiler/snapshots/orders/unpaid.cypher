// unpaid, read by: admin
// query ($filter: OrderFilter) { orders(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"unpaid": true}}

// --- orders
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Order)
  WHERE x1.paidAt IS NULL
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: [x1 IN matching3[..$p3] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "PLACED_AT_DESC",
//   "p3": 21
// }
