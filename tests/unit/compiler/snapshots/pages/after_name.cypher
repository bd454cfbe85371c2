// after_name, read by: admin
// query ($after: String) { customers(orderBy: NAME_ASC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJOQU1FX0FTQyIsIkFkYSBMb3ZlbGFjZSIsImN1c18wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- customers
RETURN {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (x1:Customer)
  WHERE ((x1.name > $p0) OR (x1.name = $p0 AND x1.id > $p1))
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p5
  RETURN {`cursor`: [x1.name, x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}} }} AS row
// params
// {
//   "p0": "Ada Lovelace",
//   "p1": "cus_00000000000000000000000000000007",
//   "p2": 20,
//   "p3": true,
//   "p4": "NAME_ASC",
//   "p5": 21
// }
