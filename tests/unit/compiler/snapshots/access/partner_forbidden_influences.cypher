// partner_forbidden_influences, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     influences { strength }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.influences: A partner key may not read Customer.influences.
