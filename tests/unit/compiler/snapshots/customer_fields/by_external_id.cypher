// by_external_id, read by: admin
// query {
//   customerByExternalId(system: "shop", value: "A-17") {
//     id name externalIds { system value }
//   }
// }

// --- customerByExternalId
MATCH (c:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: $p0, value: $p1})
RETURN {`id`: c.id, `name`: c.name, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x1:ExternalId)
  WITH x1
  ORDER BY x1.system, x1.value
  LIMIT $p2
  RETURN x1 {.system, .value} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "shop",
//   "p1": "A-17",
//   "p2": 100
// }
// personal data read: Customer.name
