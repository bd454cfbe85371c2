// metrics, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     metrics {
//       __typename
//       lifetimeRevenue { amount currency }
//       orderCount
//       averageOrderValue { amount currency }
//       firstPurchaseAt
//       lastPurchaseAt
//       lastContactAt
//       openComplaints
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`metrics`: [os1 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o2:Order)
  WHERE o2.status = 'COMPLETED'
  RETURN o2 {.totalMinor, .placedAt, .currency}
  ORDER BY o2.placedAt }] | {`__typename`: 'CustomerMetrics', `lifetimeRevenue`: {minor: CASE WHEN reduce(s = 0.0, o2 IN os1 | s + toFloat(coalesce(o2.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o2 IN os1 | s + coalesce(o2.totalMinor, 0)) END, currency: os1[0].currency}, `orderCount`: size(os1), `averageOrderValue`: CASE WHEN size(os1) = 0 THEN null ELSE {minor: toInteger(round(toFloat(CASE WHEN reduce(s = 0.0, o2 IN os1 | s + toFloat(coalesce(o2.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o2 IN os1 | s + coalesce(o2.totalMinor, 0)) END) / size(os1))), currency: os1[0].currency} END, `firstPurchaseAt`: toString(os1[0].placedAt), `lastPurchaseAt`: toString(os1[-1].placedAt), `lastContactAt`: toString(COLLECT {
  MATCH (c)-[:HAD]->(t3:Touchpoint)
  RETURN t3.occurredAt
  ORDER BY t3.occurredAt DESC
  LIMIT 1 }[0]), `openComplaints`: COUNT {
  MATCH (c)-[:HAD]->(t3:Touchpoint)
  WHERE t3.kind = 'COMPLAINT' AND NOT coalesce(t3.resolved, false) }}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
