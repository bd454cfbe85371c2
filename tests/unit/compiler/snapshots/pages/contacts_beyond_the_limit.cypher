// contacts_beyond_the_limit, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     contacts(first: 1001) { id }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error VALUE_OUT_OF_RANGE at first: first must be between 0 and 1000.
