// fragment_spreads, read by: admin
// query ($id: ID!) { customer(id: $id) { ...Card orders { nodes { ...OrderCard } } } }
// fragment Card on Customer { id name ...Owner }
// fragment Owner on Customer { accountOwner { ...Person } }
// fragment Person on Employee { name title }
// fragment OrderCard on Order { number total { amount } }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `accountOwner`: head(COLLECT {
  MATCH (c)<-[r2:OWNS]-(x1:Employee)
  WHERE r2.until IS NULL
  WITH x1
  LIMIT 1
  RETURN x1 {.name, .title} }), `orders`: {`first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x3:Order)
  WITH x3
  ORDER BY x3.placedAt DESC, x3.id DESC
  LIMIT $p4
  RETURN {`item`: x3 {.number, `total`: CASE WHEN x3.totalMinor IS NULL THEN null ELSE {minor: x3.totalMinor, currency: x3.currency} END}} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
// personal data read: Customer.name
