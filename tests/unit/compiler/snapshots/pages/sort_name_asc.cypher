// sort_name_asc, read by: admin
// query { customers(orderBy: NAME_ASC) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 21
// }
