// influenced_by, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     influencedBy { strength kind since evidence customer { id name } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`influencedBy`: COLLECT {
  MATCH (c)<-[x1:INFLUENCES]-(x1_o:Customer)
  WITH x1, x1_o
  ORDER BY x1.strength DESC, x1_o.id
  LIMIT $p1
  RETURN [m3 IN [x1 {.strength, .kind, .since, .evidence, `customer`: {`id`: x1_o.id, `name`: x1_o.name, `__audit`: x1_o.id}}] | m3 {.*, `since`: toString(m3.`since`)}][0] }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20
// }
// personal data read: Customer.name, Influence.evidence
