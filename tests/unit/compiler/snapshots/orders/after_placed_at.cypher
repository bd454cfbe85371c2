// after_placed_at, read by: admin
// query ($after: String) { orders(orderBy: PLACED_AT_DESC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJQTEFDRURfQVRfREVTQyIsIjIwMjYtMDItMDFUMDk6MzA6MDBaIiwib3JkXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- orders
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Order)
  WHERE ((x1.placedAt < datetime($p0)) OR (x1.placedAt = datetime($p0) AND x1.id < $p1))
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [toString(x1.placedAt), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": "2026-02-01T09:30:00Z",
//   "p1": "ord_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "PLACED_AT_DESC",
//   "p5": 3
// }
