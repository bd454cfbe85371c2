// after_created_at, read by: admin
// query ($after: String) { customers(orderBy: CREATED_AT_DESC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJDUkVBVEVEX0FUX0RFU0MiLCIyMDI2LTAzLTAxVDEwOjAwOjAwLjEyM1oiLCJjdXNfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDciXQ"}

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE ((x1.createdAt < datetime($p0)) OR (x1.createdAt = datetime($p0) AND x1.id < $p1))
  WITH x1
  ORDER BY x1.createdAt DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [toString(x1.createdAt), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "2026-03-01T10:00:00.123Z",
//   "p1": "cus_00000000000000000000000000000007",
//   "p2": 20,
//   "p3": true,
//   "p4": "CREATED_AT_DESC",
//   "p5": 21
// }
