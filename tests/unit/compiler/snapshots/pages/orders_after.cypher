// orders_after, read by: admin
// query ($id: ID!, $after: String) {
//   customer(id: $id) { orders(first: 2, after: $after) { edges { cursor node { id } } } }
// }
// variables: {"id": "cus_00000000000000000000000000000001", "after": "WyJORVdFU1QiLCIyMDI2LTAyLTAxVDA5OjMwOjAwWiIsIm9yZF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMyJd"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`orders`: {`first`: $p3, `after`: $p4, `sort`: $p5, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x1:Order)
  WHERE ((x1.placedAt < datetime($p1)) OR (x1.placedAt = datetime($p1) AND x1.id < $p2))
  WITH x1
  ORDER BY x1.placedAt DESC, x1.id DESC
  LIMIT $p6
  RETURN {`cursor`: [toString(x1.placedAt), x1.id], `node`: x1 {.id}} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": "2026-02-01T09:30:00Z",
//   "p2": "ord_00000000000000000000000000000003",
//   "p3": 2,
//   "p4": true,
//   "p5": "NEWEST",
//   "p6": 3
// }
