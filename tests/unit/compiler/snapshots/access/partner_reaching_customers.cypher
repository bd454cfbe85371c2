// partner_reaching_customers, read by: partner
// query ($id: ID!) {
//   customer(id: $id) {
//     contacts { organization { id } person { id } }
//     orders { nodes { customer { id } } }
//     touchpoints { nodes { customer { id } } }
//     acquisition { referrer { id } source { name } }
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
RETURN {`contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x1:Contact)
  WITH x1
  ORDER BY x1.name
  LIMIT $p2
  RETURN {`organization`: head(COLLECT {
    MATCH (x1)<-[:HAS_CONTACT]-(x3:Customer)
    WHERE (EXISTS { (x3)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x3)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (x3)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED'
    WITH x3
    LIMIT 1
    RETURN x3 {.id} }), `person`: head(COLLECT {
    MATCH (x1)-[:IS]->(x5:Customer)
    WHERE (EXISTS { (x5)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x5)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (x5)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED'
    WITH x5
    LIMIT 1
    RETURN x5 {.id} })} }, `orders`: {`first`: $p3, `after`: $p4, `sort`: $p5, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x7:Order)
  WITH x7
  ORDER BY x7.placedAt DESC, x7.id DESC
  LIMIT $p6
  RETURN {`item`: {`customer`: head(COLLECT {
    MATCH (x7)<-[:PLACED]-(x8:Customer)
    WHERE (EXISTS { (x8)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x8)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (x8)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED'
    WITH x8
    LIMIT 1
    RETURN x8 {.id} })}} }}, `touchpoints`: {`first`: $p7, `after`: $p8, `sort`: $p9, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x10:Touchpoint)
  WITH x10
  ORDER BY x10.occurredAt DESC, x10.id DESC
  LIMIT $p10
  RETURN {`item`: {`customer`: head(COLLECT {
    MATCH (x10)<-[:HAD]-(x11:Customer)
    WHERE (EXISTS { (x11)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x11)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (x11)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED'
    WITH x11
    LIMIT 1
    RETURN x11 {.id} })}} }}, `acquisition`: head(COLLECT {
  MATCH (c)-[x13:ACQUIRED_VIA]->(x13_o:AcquisitionSource)
  WITH x13, x13_o
  LIMIT 1
  RETURN {`referrer`: head(COLLECT {
    MATCH (x15:Customer {id: x13.referrerId})
    WHERE (EXISTS { (x15)<-[:BROUGHT]-(:Partner {id: $partner}) } OR EXISTS { (x15)-[:SHARED_WITH]->(:Partner {id: $partner}) }) AND COLLECT {
      MATCH (x15)-[:GAVE]->(consent:ConsentEvent)
      WHERE consent.purpose = 'SHARING'
      RETURN consent.status
      ORDER BY consent.at DESC, consent.recordedAt DESC
      LIMIT 1 }[0] = 'GRANTED'
    WITH x15
    LIMIT 1
    RETURN x15 {.id} }), `source`: x13_o {.name}} })} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "partner": "ptn_00000000000000000000000000000001",
//   "p2": 50,
//   "p3": 20,
//   "p4": false,
//   "p5": "NEWEST",
//   "p6": 21,
//   "p7": 20,
//   "p8": false,
//   "p9": "NEWEST",
//   "p10": 21
// }
