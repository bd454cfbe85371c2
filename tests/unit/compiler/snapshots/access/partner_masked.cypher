// partner_masked, read by: partner
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
RETURN c {.id, `name`: CASE WHEN c.kind = 'PERSON' THEN reduce(s = '', w IN split(c.name, ' ') | s + left(w, 1) + '. ') ELSE c.name END, `emails`: [e IN coalesce(c.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]], `phones`: [p IN coalesce(c.phones, []) | '***' + right(p, 2)], `notes`: CASE WHEN c.notes IS NULL THEN null ELSE '[masked]' END, `demographics`: c {.gender, `birthDate`: null}, `addresses`: COLLECT {
  MATCH (c)-[:HAS_ADDRESS]->(x1:Address)
  WITH x1
  ORDER BY x1.position
  LIMIT $p2
  RETURN x1 {.city, `line1`: CASE WHEN x1.line1 IS NULL THEN null ELSE '[masked]' END, `line2`: CASE WHEN x1.line2 IS NULL THEN null ELSE '[masked]' END, `postalCode`: CASE WHEN x1.postalCode IS NULL THEN null ELSE '[masked]' END} }, `contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x3:Contact)
  WITH x3
  ORDER BY x3.name
  LIMIT $p3
  RETURN x3 {.role, `name`: reduce(s = '', w IN split(x3.name, ' ') | s + left(w, 1) + '. '), `emails`: [e IN coalesce(x3.emails, []) | left(e, 1) + '***@' + split(e, '@')[1]], `phones`: [p IN coalesce(x3.phones, []) | '***' + right(p, 2)]} }, `touchpoints`: {`first`: $p4, `after`: $p5, `sort`: $p6, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x5:Touchpoint)
  WITH x5
  ORDER BY x5.occurredAt DESC, x5.id DESC
  LIMIT $p7
  RETURN {`item`: x5 {.kind, `summary`: CASE WHEN x5.summary IS NULL THEN null ELSE '[masked]' END, `outcome`: CASE WHEN x5.outcome IS NULL THEN null ELSE '[masked]' END}} }}, `externalIds`: COLLECT {
  MATCH (c)-[:IDENTIFIED_BY]->(x6:ExternalId)
  WITH x6
  ORDER BY x6.system, x6.value
  LIMIT $p8
  RETURN x6 {.system, .value} }} AS row
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
