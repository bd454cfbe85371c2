// partner_forbidden_handled_by, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     touchpoints { nodes { handledBy { id } } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Touchpoint.handledBy: A partner key may not read Touchpoint.handledBy.
