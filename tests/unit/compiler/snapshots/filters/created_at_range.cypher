// created_at_range, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"createdAt": {"gte": "2025-01-01T00:00:00Z", "lt": "2026-01-01T00:00:00+01:00"}}}

// --- customers
RETURN [matching2 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE x1.createdAt >= $p0 AND x1.createdAt < $p1
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching2), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching2[..$p5] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": {
//     "datetime": "2025-01-01T00:00:00+00:00"
//   },
//   "p1": {
//     "datetime": "2025-12-31T23:00:00+00:00"
//   },
//   "p2": 20,
//   "p3": false,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
