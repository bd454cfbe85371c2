// everything_once, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     id name
//     demographics { gender }
//     preferences { doNotContact }
//     externalIds { value }
//     addresses { city }
//     contacts { name }
//     contactOf { name }
//     acquisition { at }
//     accountOwner { name }
//     ownerHistory { since }
//     orders { totalCount }
//     touchpoints { totalCount }
//     influences { strength }
//     influencedBy { strength }
//     productsBought { quantity }
//     metrics { orderCount }
//     consent { status }
//     consentHistory { status }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `demographics`: c {.gender}, `preferences`: {`doNotContact`: coalesce(c.doNotContact, false)}, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x1:ExternalId)
  WITH x1
  ORDER BY x1.system, x1.value
  LIMIT $p1
  RETURN x1 {.value} }, `addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x3:Address)
  WITH x3
  ORDER BY x3.position
  LIMIT $p2
  RETURN x3 {.city} }, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x5:Contact)
  WITH x5
  ORDER BY x5.name
  LIMIT $p3
  RETURN x5 {.name} }, `contactOf`: COLLECT {
  MATCH (c)<-[:IS]-(x7:Contact)
  WITH x7
  ORDER BY x7.name
  LIMIT $p4
  RETURN x7 {.name} }, `acquisition`: head(COLLECT {
  MATCH (c)-[x9:ACQUIRED_VIA]->(x9_o:AcquisitionSource)
  WITH x9, x9_o
  LIMIT 1
  RETURN [m11 IN [x9 {.at}] | m11 {.*, `at`: toString(m11.`at`)}][0] }), `accountOwner`: head(COLLECT {
  MATCH (c)<-[r13:OWNS]-(x12:Employee)
  WHERE r13.until IS NULL
  WITH x12
  LIMIT 1
  RETURN x12 {.name} }), `ownerHistory`: COLLECT {
  MATCH (c)<-[x14:OWNS]-(x14_o:Employee)
  WITH x14, x14_o
  ORDER BY x14.since DESC, x14.until IS NULL DESC, x14.until DESC
  LIMIT $p5
  RETURN [m16 IN [x14 {.since}] | m16 {.*, `since`: toString(m16.`since`)}][0] }, `orders`: {`totalCount`: COUNT {
  MATCH (c)-[:PLACED]->(x17:Order) }}, `touchpoints`: {`totalCount`: COUNT {
  MATCH (c)-[:HAD]->(x18:Touchpoint) }}, `influences`: COLLECT {
  MATCH (c)-[x19:INFLUENCES]->(x19_o:Customer)
  WITH x19, x19_o
  ORDER BY x19.strength DESC, x19_o.id
  LIMIT $p6
  RETURN x19 {.strength} }, `influencedBy`: COLLECT {
  MATCH (c)<-[x21:INFLUENCES]-(x21_o:Customer)
  WITH x21, x21_o
  ORDER BY x21.strength DESC, x21_o.id
  LIMIT $p7
  RETURN x21 {.strength} }, `productsBought`: COLLECT {
  MATCH (c)-[:PLACED]->(o24:Order)-[li25:CONTAINS]->(x23_o:Product)
  WHERE o24.status = 'COMPLETED'
  WITH DISTINCT c, x23_o
  WITH x23_o, COLLECT {
    MATCH (c)-[:PLACED]->(o24:Order)-[li25:CONTAINS]->(x23_o)
    WHERE o24.status = 'COMPLETED'
    RETURN {quantity: li25.quantity, minor: li25.quantity * li25.unitPriceMinor, at: o24.placedAt, currency: o24.currency} } AS l26
  WITH x23_o, {quantity: reduce(s = 0, l IN l26 | s + l.quantity), revenueMinor: CASE WHEN reduce(s = 0.0, l IN l26 | s + toFloat(l.minor)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, l IN l26 | s + l.minor) END, currency: l26[0].currency, lastPurchasedAt: reduce(m = null, l IN l26 | CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)} AS x23
  ORDER BY x23.quantity DESC, x23_o.sku
  RETURN x23 {.quantity} }, `metrics`: [os27 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o28:Order)
  WHERE o28.status = 'COMPLETED'
  RETURN o28 {.totalMinor, .placedAt, .currency}
  ORDER BY o28.placedAt }] | {`orderCount`: size(os27)}][0], `consent`: COLLECT {
  MATCH (c)-[:GAVE]->(e31:ConsentEvent)
  WITH DISTINCT c, e31.purpose AS purpose, e31.channel AS channel
  WITH purpose, channel, COLLECT {
    MATCH (c)-[:GAVE]->(f32:ConsentEvent)
    WHERE f32.purpose = purpose AND f32.channel = channel
    RETURN f32
    ORDER BY f32.at DESC, f32.recordedAt DESC
    LIMIT 1 }[0] AS x30
  ORDER BY purpose, channel
  RETURN x30 {.status} }, `consentHistory`: COLLECT {
  MATCH (c)-[:GAVE]->(x33:ConsentEvent)
  WITH x33
  ORDER BY x33.at DESC, x33.recordedAt DESC
  LIMIT $p8
  RETURN x33 {.status} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": 100,
//   "p3": 50,
//   "p4": 100,
//   "p5": 100,
//   "p6": 20,
//   "p7": 20,
//   "p8": 100
// }
// personal data read: Contact.name, Customer.name
