// customer_goals_partner, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     goals { id }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Customer.goals: A partner key may not read Customer.goals.
