// partner_with_pii, read by: partner with pii:read
// query ($id: ID!) {
//   customer(id: $id) {
//     id name emails phones notes
//     demographics { birthDate gender }
//     addresses { line1 line2 postalCode city }
//     contacts { name emails phones role }
//     touchpoints { nodes { summary outcome kind } }
//     externalIds { system value }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
WHERE (EXISTS { (c)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (c)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
  MATCH (c)-[:GAVE]->(consent:ConsentEvent)
  WHERE consent.purpose = 'SHARING'
  RETURN consent.status
  ORDER BY consent.at DESC, consent.recordedAt DESC
  LIMIT 1 }[0] = 'GRANTED'
RETURN {`id`: c.id, `name`: c.name, `emails`: coalesce(c.emails, []), `phones`: coalesce(c.phones, []), `notes`: c.notes, `demographics`: c {.birthDate, .gender}, `addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x1:Address)
  WITH x1
  ORDER BY x1.position
  LIMIT $p2
  RETURN x1 {.line1, .line2, .postalCode, .city} }, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x3:Contact)
  WITH x3
  ORDER BY x3.name
  LIMIT $p3
  RETURN x3 {.name, .role, `emails`: coalesce(x3.emails, []), `phones`: coalesce(x3.phones, [])} }, `touchpoints`: {`first`: $p4, `after`: $p5, `sort`: $p6, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x5:Touchpoint)
  WITH x5
  ORDER BY x5.occurredAt DESC, x5.id DESC
  LIMIT $p7
  RETURN {`item`: x5 {.summary, .outcome, .kind}} }}, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x6:ExternalId)
  WITH x6
  ORDER BY x6.system, x6.value
  LIMIT $p8
  RETURN x6 {.system, .value} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "partner": "ptn_00000000000000000000000000000001",
//   "p2": 100,
//   "p3": 50,
//   "p4": 20,
//   "p5": false,
//   "p6": "NEWEST",
//   "p7": 21,
//   "p8": 100
// }
// personal data read: Address.line1, Address.line2, Address.postalCode, Contact.emails, Contact.name, Contact.phones, Customer.emails, Customer.name, Customer.notes, Customer.phones, Demographics.birthDate, Touchpoint.outcome, Touchpoint.summary
