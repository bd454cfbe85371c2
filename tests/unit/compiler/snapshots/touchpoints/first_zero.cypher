// first_zero, read by: admin
// query { touchpoints(first: 0) { totalCount nodes { id } } }

// --- touchpoints
RETURN {`totalCount`: COUNT {
  MATCH (x1:Touchpoint) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p3
  RETURN {`item`: x1 {.id}} }} AS row
// params
// {
//   "p0": 0,
//   "p1": false,
//   "p2": "OCCURRED_AT_DESC",
//   "p3": 1
// }
