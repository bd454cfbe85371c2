// partner_forbidden_product_customer_count, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     productsBought { product { customerCount } }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
// error FORBIDDEN at Product.customerCount: A partner key may not read Product.customerCount.
