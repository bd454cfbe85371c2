// after_name_desc, read by: admin
// query ($after: String) { customers(orderBy: NAME_DESC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJOQU1FX0RFU0MiLCJaZWQiLCJjdXNfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDciXQ"}

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE ((x1.name < $p0) OR (x1.name = $p0 AND x1.id < $p1))
  WITH x1
  ORDER BY x1.name DESC, x1.id DESC
  LIMIT $p5
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "Zed",
//   "p1": "cus_00000000000000000000000000000007",
//   "p2": 20,
//   "p3": true,
//   "p4": "NAME_DESC",
//   "p5": 21
// }
