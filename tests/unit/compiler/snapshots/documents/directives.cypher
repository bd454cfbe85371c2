// directives, read by: admin
// query ($id: ID!, $full: Boolean!, $brief: Boolean!) {
//   customer(id: $id) {
//     id
//     name @include(if: $full)
//     emails @skip(if: $full)
//     orders @include(if: $brief) { totalCount }
//     touchpoints @skip(if: $brief) { totalCount }
//     ... on Customer @include(if: $full) { kind }
//     ...Owner @skip(if: $full)
//   }
// }
// fragment Owner on Customer { accountOwner { name } }
// variables: {"id": "cus_00000000000000000000000000000001", "full": true, "brief": false}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `touchpoints`: {`totalCount`: COUNT {
  MATCH (c)-[:HAD]->(x1:Touchpoint) }}, `kind`: c.kind, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001"
// }
// personal data read: Customer.name
