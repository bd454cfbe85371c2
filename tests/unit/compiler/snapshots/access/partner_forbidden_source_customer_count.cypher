// partner_forbidden_source_customer_count, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     acquisition { source { customerCount } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at AcquisitionSource.customerCount: A partner key may not read AcquisitionSource.customerCount.
