// partner_forbidden_owner_history, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     ownerHistory { since }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.ownerHistory: A partner key may not read Customer.ownerHistory.
