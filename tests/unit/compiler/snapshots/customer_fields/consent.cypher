// consent, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     consent { purpose channel status at source }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`consent`: COLLECT {
  MATCH (c)-[:GAVE]->(e2:ConsentEvent)
  WITH DISTINCT c, e2.purpose AS purpose, e2.channel AS channel
  WITH purpose, channel, COLLECT {
    MATCH (c)-[:GAVE]->(f3:ConsentEvent)
    WHERE f3.purpose = purpose AND f3.channel = channel
    RETURN f3
    ORDER BY f3.at DESC, f3.recordedAt DESC
    LIMIT 1 }[0] AS x1
  ORDER BY purpose, channel
  RETURN [m4 IN [x1 {.purpose, .status, .at, .source, `channel`: CASE x1.channel WHEN 'ANY' THEN null ELSE x1.channel END}] | m4 {.*, `at`: toString(m4.`at`)}][0] }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
