// first_at_the_limit, read by: admin
// query { customers(first: 1000) { nodes { id } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`item`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 1000,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 1001
// }
