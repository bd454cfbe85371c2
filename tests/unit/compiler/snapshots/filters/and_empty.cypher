// and_empty, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"AND": []}}

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }, `first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`item`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 21
// }
