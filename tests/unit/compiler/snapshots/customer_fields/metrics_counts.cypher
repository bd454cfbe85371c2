// metrics_counts, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     metrics { orderCount openComplaints }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`metrics`: [os1 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o2:Order)
  WHERE o2.status = 'COMPLETED'
  RETURN o2 {.totalMinor, .placedAt, .currency}
  ORDER BY o2.placedAt }] | {`orderCount`: size(os1), `openComplaints`: COUNT {
  MATCH (c)-[:HAD]->(t3:Touchpoint)
  WHERE t3.kind = 'COMPLAINT' AND NOT coalesce(t3.resolved, false) }}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
