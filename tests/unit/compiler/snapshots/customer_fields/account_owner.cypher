// account_owner, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     accountOwner { id name email title active createdAt customerCount }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`accountOwner`: head(COLLECT {
  MATCH (c)<-[r2:OWNS]-(x1:Employee)
  WHERE r2.until IS NULL
  WITH x1
  LIMIT 1
  RETURN [m4 IN [x1 {.id, .name, .email, .title, .createdAt, `active`: coalesce(x1.active, true), `customerCount`: COUNT { (x1)-[a3:OWNS]->(:Customer)
    WHERE a3.until IS NULL }}] | m4 {.*, `createdAt`: toString(m4.`createdAt`)}][0] }), `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
