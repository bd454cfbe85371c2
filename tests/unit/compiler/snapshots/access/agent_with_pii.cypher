// agent_with_pii, read by: agent with pii:read
// query ($id: ID!) {
//   customer(id: $id) {
//     id name emails phones notes
//     demographics { birthDate gender }
//     addresses { line1 line2 postalCode city }
//     contacts { name emails phones role }
//     touchpoints { nodes { summary outcome kind } }
//     externalIds { system value }
//
//     influences { evidence strength }
//     influencedBy { evidence }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`id`: c.id, `name`: c.name, `emails`: coalesce(c.emails, []), `phones`: coalesce(c.phones, []), `notes`: c.notes, `demographics`: c {.birthDate, .gender}, `addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x1:Address)
  WITH x1
  ORDER BY x1.position
  LIMIT $p1
  RETURN x1 {.line1, .line2, .postalCode, .city} }, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x3:Contact)
  WITH x3
  ORDER BY x3.name
  LIMIT $p2
  RETURN x3 {.name, .role, `emails`: coalesce(x3.emails, []), `phones`: coalesce(x3.phones, [])} }, `touchpoints`: {`first`: $p3, `after`: $p4, `sort`: $p5, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x5:Touchpoint)
  WITH x5
  ORDER BY x5.occurredAt DESC, x5.id DESC
  LIMIT $p6
  RETURN {`item`: x5 {.summary, .outcome, .kind}} }}, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x6:ExternalId)
  WITH x6
  ORDER BY x6.system, x6.value
  LIMIT $p7
  RETURN x6 {.system, .value} }, `influences`: COLLECT {
  MATCH (c)-[x8:INFLUENCES]->(x8_o:Customer)
  WITH x8, x8_o
  ORDER BY x8.strength DESC, x8_o.id
  LIMIT $p8
  RETURN x8 {.evidence, .strength} }, `influencedBy`: COLLECT {
  MATCH (c)<-[x10:INFLUENCES]-(x10_o:Customer)
  WITH x10, x10_o
  ORDER BY x10.strength DESC, x10_o.id
  LIMIT $p9
  RETURN x10 {.evidence} }, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 100,
//   "p2": 50,
//   "p3": 20,
//   "p4": false,
//   "p5": "NEWEST",
//   "p6": 21,
//   "p7": 100,
//   "p8": 20,
//   "p9": 20
// }
// personal data read: Address.line1, Address.line2, Address.postalCode, Contact.emails, Contact.name, Contact.phones, Customer.emails, Customer.name, Customer.notes, Customer.phones, Demographics.birthDate, Influence.evidence, Touchpoint.outcome, Touchpoint.summary
