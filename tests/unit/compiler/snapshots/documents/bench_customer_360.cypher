// bench_customer_360, read by: admin
// query Customer360($id: ID!) {
//   customer(id: $id) {
//     id
//     name
//     emails
//     lifecycleStage
//     contacts { name role emails }
//     acquisition { at source { name kind } }
//     accountOwner { name title }
//     touchpoints(first: 10) { nodes { occurredAt channel kind summary } }
//     orders(first: 10) {
//       nodes {
//         number
//         status
//         placedAt
//         total { amount currency }
//         items { quantity unitPrice { amount } product { sku name } }
//       }
//     }
//     influences { strength customer { id name } }
//     influencedBy { strength customer { id name } }
//     metrics { lifetimeRevenue { amount currency } orderCount lastPurchaseAt }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `emails`: coalesce(c.emails, []), `lifecycleStage`: c.lifecycleStage, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x1:Contact)
  WITH x1
  ORDER BY x1.name
  LIMIT $p1
  RETURN x1 {.name, .role, `emails`: coalesce(x1.emails, [])} }, `acquisition`: head(COLLECT {
  MATCH (c)-[x3:ACQUIRED_VIA]->(x3_o:AcquisitionSource)
  WITH x3, x3_o
  LIMIT 1
  RETURN [m5 IN [x3 {.at, `source`: x3_o {.name, .kind}}] | m5 {.*, `at`: toString(m5.`at`)}][0] }), `accountOwner`: head(COLLECT {
  MATCH (c)<-[r7:OWNS]-(x6:Employee)
  WHERE r7.until IS NULL
  WITH x6
  LIMIT 1
  RETURN x6 {.name, .title} }), `touchpoints`: {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x8:Touchpoint)
  WITH x8
  ORDER BY x8.occurredAt DESC, x8.id DESC
  LIMIT $p5
  RETURN {`item`: [m9 IN [x8 {.occurredAt, .channel, .kind, .summary}] | m9 {.*, `occurredAt`: toString(m9.`occurredAt`)}][0]} }}, `orders`: {`first`: $p7, `after`: $p8, `sort`: $p9, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x10:Order)
  WITH x10
  ORDER BY x10.placedAt DESC, x10.id DESC
  LIMIT $p10
  RETURN {`item`: [m13 IN [x10 {.number, .status, .placedAt, `total`: CASE WHEN x10.totalMinor IS NULL THEN null ELSE {minor: x10.totalMinor, currency: x10.currency} END, `items`: COLLECT {
    MATCH (x10)-[x11:CONTAINS]->(x11_o:Product)
    WITH x11, x11_o
    ORDER BY x11.position
    LIMIT $p6
    RETURN x11 {.quantity, `unitPrice`: CASE WHEN x11.unitPriceMinor IS NULL THEN null ELSE {minor: x11.unitPriceMinor, currency: startNode(x11).currency} END, `product`: x11_o {.sku, .name}} }}] | m13 {.*, `placedAt`: toString(m13.`placedAt`)}][0]} }}, `influences`: COLLECT {
  MATCH (c)-[x14:INFLUENCES]->(x14_o:Customer)
  WITH x14, x14_o
  ORDER BY x14.strength DESC, x14_o.id
  LIMIT $p11
  RETURN x14 {.strength, `customer`: {`id`: x14_o.id, `name`: x14_o.name, `__audit`: x14_o.id}} }, `influencedBy`: COLLECT {
  MATCH (c)<-[x16:INFLUENCES]-(x16_o:Customer)
  WITH x16, x16_o
  ORDER BY x16.strength DESC, x16_o.id
  LIMIT $p12
  RETURN x16 {.strength, `customer`: {`id`: x16_o.id, `name`: x16_o.name, `__audit`: x16_o.id}} }, `metrics`: [os18 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o19:Order)
  WHERE o19.status = 'COMPLETED'
  RETURN o19 {.totalMinor, .placedAt, .currency}
  ORDER BY o19.placedAt }] | {`lifetimeRevenue`: {minor: CASE WHEN reduce(s = 0.0, o19 IN os18 | s + toFloat(coalesce(o19.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o19 IN os18 | s + coalesce(o19.totalMinor, 0)) END, currency: os18[0].currency}, `orderCount`: size(os18), `lastPurchaseAt`: toString(os18[-1].placedAt)}][0], `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 50,
//   "p2": 10,
//   "p3": false,
//   "p4": "NEWEST",
//   "p5": 11,
//   "p6": 100,
//   "p7": 10,
//   "p8": false,
//   "p9": "NEWEST",
//   "p10": 11,
//   "p11": 20,
//   "p12": 20
// }
// personal data read: Contact.emails, Contact.name, Customer.emails, Customer.name, Touchpoint.summary
