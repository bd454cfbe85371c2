// partner_forbidden_product_customers, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     orders { nodes { items { product { customers { id } } } } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Product.customers: A partner key may not read Product.customers.
