// first_zero, read by: admin
// query { orders(first: 0) { totalCount nodes { id } } }

// --- orders
RETURN {`totalCount`: COUNT {
  MATCH (x1:Order) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Order)
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: x1 {.id}} }} AS row
// params
// {
//   "p0": 0,
//   "p1": false,
//   "p2": "PLACED_AT_DESC",
//   "p3": 1
// }
