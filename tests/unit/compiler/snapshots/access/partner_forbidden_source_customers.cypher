// partner_forbidden_source_customers, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     acquisition { source { customers { id } } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at AcquisitionSource.customers: A partner key may not read AcquisitionSource.customers.
