// partner_forbidden_contact_of, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     contactOf { id }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.contactOf: A partner key may not read Customer.contactOf.
