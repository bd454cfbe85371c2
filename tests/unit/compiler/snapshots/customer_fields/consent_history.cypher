// consent_history, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     consentHistory { purpose channel status at source }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`consentHistory`: COLLECT {
  MATCH (c)-[:GAVE]->(x1:ConsentEvent)
  WITH x1
  ORDER BY x1.at DESC, x1.recordedAt DESC
  LIMIT $p1
  RETURN [m3 IN [x1 {.purpose, .status, .at, .source, `channel`: CASE x1.channel WHEN 'ANY' THEN null ELSE x1.channel END}] | m3 {.*, `at`: toString(m3.`at`)}][0] }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100
// }
