// after_with_filter_and_count, read by: admin
// query ($after: String) {
//   customers(filter: { kind: PERSON }, orderBy: CREATED_AT_ASC, first: 2, after: $after) {
//     totalCount
//     edges { cursor node { id } }
//   }
// }
// variables: {"after": "WyJDUkVBVEVEX0FUX0FTQyIsIjIwMjYtMDEtMDFUMDA6MDA6MDBaIiwiY3VzXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer)
  WHERE x1.kind = $p0 }, `first`: $p3, `after`: $p4, `sort`: $p5, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE x1.kind = $p0 AND ((x1.createdAt > datetime($p1)) OR (x1.createdAt = datetime($p1) AND x1.id > $p2))
  WITH x1
  ORDER BY x1.createdAt, x1.id
  LIMIT $p6
  RETURN {`cursor`: [toString(x1.createdAt), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "PERSON",
//   "p1": "2026-01-01T00:00:00Z",
//   "p2": "cus_00000000000000000000000000000007",
//   "p3": 2,
//   "p4": true,
//   "p5": "CREATED_AT_ASC",
//   "p6": 3
// }
