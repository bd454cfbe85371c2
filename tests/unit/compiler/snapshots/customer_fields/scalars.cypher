// scalars, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     __typename id kind name emails phones interests notes lifecycleStage
//     createdAt updatedAt
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN [m1 IN [{`__typename`: 'Customer', `id`: c.id, `kind`: c.kind, `name`: c.name, `emails`: coalesce(c.emails, []), `phones`: coalesce(c.phones, []), `interests`: coalesce(c.interests, []), `notes`: c.notes, `lifecycleStage`: c.lifecycleStage, `createdAt`: c.createdAt, `updatedAt`: c.updatedAt, `__audit`: c.id}] | m1 {.*, `createdAt`: toString(m1.`createdAt`), `updatedAt`: toString(m1.`updatedAt`)}][0] AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
// personal data read: Customer.emails, Customer.name, Customer.notes, Customer.phones
