// touchpoints_after, read by: admin
// query ($id: ID!, $after: String) {
//   customer(id: $id) { touchpoints(after: $after) { nodes { id } pageInfo { endCursor } } }
// }
// variables: {"id": "cus_00000000000000000000000000000001", "after": "WyJORVdFU1QiLCIyMDI2LTAyLTAxVDA5OjMwOjAwKzAyOjAwIiwidHB0XzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAzIl0"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`touchpoints`: {`first`: $p3, `after`: $p4, `sort`: $p5, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x1:Touchpoint)
  WHERE ((x1.occurredAt < datetime($p1)) OR (x1.occurredAt = datetime($p1) AND x1.id < $p2))
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p6
  RETURN {`cursor`: [toString(x1.occurredAt), x1.id], `item`: x1 {.id}} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": "2026-02-01T09:30:00+02:00",
//   "p2": "tpt_00000000000000000000000000000003",
//   "p3": 20,
//   "p4": true,
//   "p5": "NEWEST",
//   "p6": 21
// }
