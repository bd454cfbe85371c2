// partner_forbidden_influenced_by, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     influencedBy { strength }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.influencedBy: A partner key may not read Customer.influencedBy.
