// preferences, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     preferences { preferredChannel preferredLanguage doNotContact }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`preferences`: c {.preferredChannel, .preferredLanguage, `doNotContact`: coalesce(c.doNotContact, false)}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
