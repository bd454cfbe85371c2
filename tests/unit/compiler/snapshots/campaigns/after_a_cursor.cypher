// after_a_cursor, read by: admin
// query ($after: String) { campaigns(first: 2, after: $after) { nodes { id } } }
// variables: {"after": "WyJQRVJJT0RfREVTQyIsIjIwMjYtMDMtMDEiLCJjbXBfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDkiXQ"}

// --- campaigns
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Campaign)
  WHERE ((x1.periodFrom < date($p0)) OR (x1.periodFrom = date($p0) AND x1.id < $p1))
  WITH x1
  ORDER BY x1.periodFrom DESC, x1.id DESC
  LIMIT $p5
  RETURN {`item`: x1 {.id}} }} AS row
// params
// {
//   "p0": "2026-03-01",
//   "p1": "cmp_00000000000000000000000000000009",
//   "p2": 2,
//   "p3": true,
//   "p4": "PERIOD_DESC",
//   "p5": 3
// }
