// directives_literal, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     id @skip(if: false)
//     name @skip(if: true)
//     kind @include(if: true) @skip(if: true)
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
