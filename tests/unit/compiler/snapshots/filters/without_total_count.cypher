// without_total_count, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { edges { cursor node { id } } pageInfo { hasNextPage } } }
// variables: {"filter": {"kind": "PERSON"}}

// --- customers
RETURN {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE x1.kind = $p0
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p4
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "PERSON",
//   "p1": 20,
//   "p2": false,
//   "p3": "NAME_ASC",
//   "p4": 21
// }
