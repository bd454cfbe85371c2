// unmasked_fields_only, read by: agent
// query ($id: ID!) {
//   customer(id: $id) {
//     id kind lifecycleStage
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN c {.id, .kind, .lifecycleStage} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
