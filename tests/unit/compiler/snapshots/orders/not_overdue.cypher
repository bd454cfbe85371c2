// not_overdue, read by: admin
// query ($filter: OrderFilter) { orders(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"overdue": false}}

// --- orders
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Order)
  WHERE NOT coalesce((x1.invoiceDueDate < $p0 AND x1.paidAt IS NULL AND x1.status IN ['PENDING', 'COMPLETED']), false)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`item`: x1 {.id}}]}][0] AS row
// params
// {
//   "p0": {
//     "date": "2026-03-10"
//   },
//   "p1": 20,
//   "p2": false,
//   "p3": "PLACED_AT_DESC",
//   "p4": 21
// }
