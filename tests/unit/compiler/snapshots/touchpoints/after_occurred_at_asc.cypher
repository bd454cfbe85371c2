// after_occurred_at_asc, read by: admin
// query ($after: String) { touchpoints(orderBy: OCCURRED_AT_ASC, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJPQ0NVUlJFRF9BVF9BU0MiLCIyMDI2LTAyLTAxVDA5OjMwOjAwKzAxOjAwIiwidHB0XzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- touchpoints
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Touchpoint)
  WHERE ((x1.occurredAt > datetime($p0)) OR (x1.occurredAt = datetime($p0) AND x1.id > $p1))
  WITH x1
  ORDER BY x1.occurredAt, x1.id
  LIMIT $p5
  RETURN {`cursor`: [toString(x1.occurredAt), x1.id], `node`: x1 {.id}} }} AS row
// params
// {
//   "p0": "2026-02-01T09:30:00+01:00",
//   "p1": "tpt_00000000000000000000000000000007",
//   "p2": 2,
//   "p3": true,
//   "p4": "OCCURRED_AT_ASC",
//   "p5": 3
// }
