// inline_filter, read by: admin
// query {
//   customers(filter: { kind: PERSON, createdAt: { lt: "2026-01-01T00:00:00Z" } }) {
//     nodes { id }
//   }
// }

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE x1.kind = $p0 AND x1.createdAt < $p1
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p5
  RETURN {`item`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "PERSON",
//   "p1": {
//     "datetime": "2026-01-01T00:00:00+00:00"
//   },
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
