// bench_influence_two_hop, read by: admin
// query InfluenceTwoHop($id: ID!) {
//   customer(id: $id) {
//     id
//     name
//     influences {
//       strength
//       customer { id name influences { strength customer { id name } } }
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `influences`: COLLECT {
  MATCH (c)-[x1:INFLUENCES]->(x1_o:Customer)
  WITH x1, x1_o
  ORDER BY x1.strength DESC, x1_o.id
  LIMIT $p1
  RETURN x1 {.strength, `customer`: {`id`: x1_o.id, `name`: x1_o.name, `influences`: COLLECT {
    MATCH (x1_o)-[x3:INFLUENCES]->(x3_o:Customer)
    WITH x3, x3_o
    ORDER BY x3.strength DESC, x3_o.id
    LIMIT $p2
    RETURN x3 {.strength, `customer`: {`id`: x3_o.id, `name`: x3_o.name, `__audit`: x3_o.id}} }, `__audit`: x1_o.id}} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": 20
// }
// personal data read: Customer.name
