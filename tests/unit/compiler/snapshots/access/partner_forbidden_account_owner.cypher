// partner_forbidden_account_owner, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     accountOwner { id }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.accountOwner: A partner key may not read Customer.accountOwner.
