// docs_customer_360, read by: admin
// query Customer360($id: ID!) {
//   customer(id: $id) {
//     id kind name emails phones lifecycleStage createdAt
//     demographics { birthDate gender industry employeeCount }
//     preferences { preferredChannel preferredLanguage doNotContact }
//     externalIds { system value }
//     addresses { city country }
//     contacts { name role emails person { id name } }
//     acquisition { at source { name kind } referrer { id name } }
//     accountOwner { name title }
//     ownerHistory { since until employee { name } }
//     touchpoints(first: 10) {
//       totalCount
//       nodes { occurredAt channel direction kind summary outcome satisfaction resolved handledBy { name } }
//     }
//     orders(first: 10) {
//       totalCount
//       pageInfo { hasNextPage endCursor }
//       nodes {
//         number status placedAt paymentMethod invoiceDueDate paidAt
//         total { amount currency }
//         items { quantity unitPrice { amount } product { sku name } }
//       }
//     }
//     influences(minStrength: 0.3) { strength kind customer { id name } }
//     influencedBy { strength kind customer { id name } }
//     productsBought { quantity revenue { amount } product { name category } }
//     metrics {
//       lifetimeRevenue { amount currency } orderCount averageOrderValue { amount }
//       firstPurchaseAt lastPurchaseAt lastContactAt openComplaints
//     }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN [m38 IN [{`id`: c.id, `kind`: c.kind, `name`: c.name, `emails`: coalesce(c.emails, []), `phones`: coalesce(c.phones, []), `lifecycleStage`: c.lifecycleStage, `createdAt`: c.createdAt, `demographics`: c {.birthDate, .gender, .industry, .employeeCount}, `preferences`: c {.preferredChannel, .preferredLanguage, `doNotContact`: coalesce(c.doNotContact, false)}, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x1:ExternalId)
  WITH x1
  ORDER BY x1.system, x1.value
  LIMIT $p1
  RETURN x1 {.system, .value} }, `addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x3:Address)
  WITH x3
  ORDER BY x3.position
  LIMIT $p2
  RETURN x3 {.city, .country} }, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x5:Contact)
  WITH x5
  ORDER BY x5.name
  LIMIT $p3
  RETURN x5 {.name, .role, `emails`: coalesce(x5.emails, []), `person`: head(COLLECT {
    MATCH (x5)-[:IS]->(x7:Customer)
    WITH x7
    LIMIT 1
    RETURN {`id`: x7.id, `name`: x7.name, `__audit`: x7.id} })} }, `acquisition`: head(COLLECT {
  MATCH (c)-[x9:ACQUIRED_VIA]->(x9_o:AcquisitionSource)
  WITH x9, x9_o
  LIMIT 1
  RETURN [m13 IN [x9 {.at, `source`: x9_o {.name, .kind}, `referrer`: head(COLLECT {
    MATCH (x11:Customer {id: x9.referrerId})
    WITH x11
    LIMIT 1
    RETURN {`id`: x11.id, `name`: x11.name, `__audit`: x11.id} })}] | m13 {.*, `at`: toString(m13.`at`)}][0] }), `accountOwner`: head(COLLECT {
  MATCH (c)<-[r15:OWNS]-(x14:Employee)
  WHERE r15.until IS NULL
  WITH x14
  LIMIT 1
  RETURN x14 {.name, .title} }), `ownerHistory`: COLLECT {
  MATCH (c)<-[x16:OWNS]-(x16_o:Employee)
  WITH x16, x16_o
  ORDER BY x16.since DESC, x16.until IS NULL DESC, x16.until DESC
  LIMIT $p4
  RETURN [m18 IN [x16 {.since, .until, `employee`: x16_o {.name}}] | m18 {.*, `since`: toString(m18.`since`), `until`: toString(m18.`until`)}][0] }, `touchpoints`: {`totalCount`: COUNT {
  MATCH (c)-[:HAD]->(x19:Touchpoint) }, `first`: $p5, `after`: $p6, `sort`: $p7, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x19:Touchpoint)
  WITH x19
  ORDER BY x19.occurredAt DESC, x19.id DESC
  LIMIT $p8
  RETURN {`item`: [m22 IN [x19 {.occurredAt, .channel, .direction, .kind, .summary, .outcome, .satisfaction, `resolved`: coalesce(x19.resolved, false), `handledBy`: head(COLLECT {
    MATCH (x19)-[:HANDLED_BY]->(x20:Employee)
    WITH x20
    LIMIT 1
    RETURN x20 {.name} })}] | m22 {.*, `occurredAt`: toString(m22.`occurredAt`)}][0]} }}, `orders`: {`totalCount`: COUNT {
  MATCH (c)-[:PLACED]->(x23:Order) }, `first`: $p10, `after`: $p11, `sort`: $p12, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x23:Order)
  WITH x23
  ORDER BY x23.placedAt DESC, x23.id DESC
  LIMIT $p13
  RETURN {`cursor`: [toString(x23.placedAt), x23.id], `item`: [m26 IN [x23 {.number, .status, .placedAt, .paymentMethod, .invoiceDueDate, .paidAt, `total`: CASE WHEN x23.totalMinor IS NULL THEN null ELSE {minor: x23.totalMinor, currency: x23.currency} END, `items`: COLLECT {
    MATCH (x23)-[x24:CONTAINS]->(x24_o:Product)
    WITH x24, x24_o
    ORDER BY x24.position
    LIMIT $p9
    RETURN x24 {.quantity, `unitPrice`: CASE WHEN x24.unitPriceMinor IS NULL THEN null ELSE {minor: x24.unitPriceMinor, currency: startNode(x24).currency} END, `product`: x24_o {.sku, .name}} }}] | m26 {.*, `placedAt`: toString(m26.`placedAt`), `paidAt`: toString(m26.`paidAt`)}][0]} }}, `influences`: COLLECT {
  MATCH (c)-[x27:INFLUENCES]->(x27_o:Customer)
  WHERE x27.strength >= $p14
  WITH x27, x27_o
  ORDER BY x27.strength DESC, x27_o.id
  LIMIT $p15
  RETURN x27 {.strength, .kind, `customer`: {`id`: x27_o.id, `name`: x27_o.name, `__audit`: x27_o.id}} }, `influencedBy`: COLLECT {
  MATCH (c)<-[x29:INFLUENCES]-(x29_o:Customer)
  WITH x29, x29_o
  ORDER BY x29.strength DESC, x29_o.id
  LIMIT $p16
  RETURN x29 {.strength, .kind, `customer`: {`id`: x29_o.id, `name`: x29_o.name, `__audit`: x29_o.id}} }, `productsBought`: COLLECT {
  MATCH (c)-[:PLACED]->(o32:Order)-[li33:CONTAINS]->(x31_o:Product)
  WHERE o32.status = 'COMPLETED'
  WITH DISTINCT c, x31_o
  WITH x31_o, COLLECT {
    MATCH (c)-[:PLACED]->(o32:Order)-[li33:CONTAINS]->(x31_o)
    WHERE o32.status = 'COMPLETED'
    RETURN {quantity: li33.quantity, minor: li33.quantity * li33.unitPriceMinor, at: o32.placedAt, currency: o32.currency} } AS l34
  WITH x31_o, {quantity: reduce(s = 0, l IN l34 | s + l.quantity), revenueMinor: CASE WHEN reduce(s = 0.0, l IN l34 | s + toFloat(l.minor)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, l IN l34 | s + l.minor) END, currency: l34[0].currency, lastPurchasedAt: reduce(m = null, l IN l34 | CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)} AS x31
  ORDER BY x31.quantity DESC, x31_o.sku
  RETURN x31 {.quantity, `revenue`: CASE WHEN x31.revenueMinor IS NULL THEN null ELSE {minor: x31.revenueMinor, currency: x31.currency} END, `product`: x31_o {.name, .category}} }, `metrics`: [os35 IN [COLLECT {
  MATCH (c)-[:PLACED]->(o36:Order)
  WHERE o36.status = 'COMPLETED'
  RETURN o36 {.totalMinor, .placedAt, .currency}
  ORDER BY o36.placedAt }] | {`lifetimeRevenue`: {minor: CASE WHEN reduce(s = 0.0, o36 IN os35 | s + toFloat(coalesce(o36.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o36 IN os35 | s + coalesce(o36.totalMinor, 0)) END, currency: os35[0].currency}, `orderCount`: size(os35), `averageOrderValue`: CASE WHEN size(os35) = 0 THEN null ELSE {minor: toInteger(round(toFloat(CASE WHEN reduce(s = 0.0, o36 IN os35 | s + toFloat(coalesce(o36.totalMinor, 0))) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, o36 IN os35 | s + coalesce(o36.totalMinor, 0)) END) / size(os35))), currency: os35[0].currency} END, `firstPurchaseAt`: toString(os35[0].placedAt), `lastPurchaseAt`: toString(os35[-1].placedAt), `lastContactAt`: toString(COLLECT {
  MATCH (c)-[:HAD]->(t37:Touchpoint)
  RETURN t37.occurredAt
  ORDER BY t37.occurredAt DESC
  LIMIT 1 }[0]), `openComplaints`: COUNT {
  MATCH (c)-[:HAD]->(t37:Touchpoint)
  WHERE t37.kind = 'COMPLAINT' AND NOT coalesce(t37.resolved, false) }}][0], `__audit`: c.id}] | m38 {.*, `createdAt`: toString(m38.`createdAt`)}][0] AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": 100,
//   "p3": 50,
//   "p4": 100,
//   "p5": 10,
//   "p6": false,
//   "p7": "NEWEST",
//   "p8": 11,
//   "p9": 100,
//   "p10": 10,
//   "p11": false,
//   "p12": "NEWEST",
//   "p13": 11,
//   "p14": 0.3,
//   "p15": 20,
//   "p16": 20
// }
// personal data read: Contact.emails, Contact.name, Customer.emails, Customer.name, Customer.phones, Demographics.birthDate, Touchpoint.outcome, Touchpoint.summary
