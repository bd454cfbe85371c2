// admin_reaching_customers, read by: admin
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
RETURN {`contacts`: COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(x1:Contact)
  WITH x1
  ORDER BY x1.name
  LIMIT $p1
  RETURN {`organization`: head(COLLECT {
    MATCH (x1)<-[:HAS_CONTACT]-(x3:Customer)
    WITH x3
    LIMIT 1
    RETURN {`id`: x3.id, `__audit`: x3.id} }), `person`: head(COLLECT {
    MATCH (x1)-[:IS]->(x5:Customer)
    WITH x5
    LIMIT 1
    RETURN {`id`: x5.id, `__audit`: x5.id} })} }, `orders`: {`first`: $p2, `after`: $p3, `sort`: $p4, `rows`: COLLECT {
  MATCH (c)-[:PLACED]->(x7:Order)
  WITH x7
  ORDER BY x7.placedAt DESC, x7.id DESC
  LIMIT $p5
  RETURN {`item`: {`customer`: head(COLLECT {
    MATCH (x7)<-[:PLACED]-(x8:Customer)
    WITH x8
    LIMIT 1
    RETURN {`id`: x8.id, `__audit`: x8.id} })}} }}, `touchpoints`: {`first`: $p6, `after`: $p7, `sort`: $p8, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x10:Touchpoint)
  WITH x10
  ORDER BY x10.occurredAt DESC, x10.id DESC
  LIMIT $p9
  RETURN {`item`: {`customer`: head(COLLECT {
    MATCH (x10)<-[:HAD]-(x11:Customer)
    WITH x11
    LIMIT 1
    RETURN {`id`: x11.id, `__audit`: x11.id} })}} }}, `acquisition`: head(COLLECT {
  MATCH (c)-[x13:ACQUIRED_VIA]->(x13_o:AcquisitionSource)
  WITH x13, x13_o
  LIMIT 1
  RETURN {`referrer`: head(COLLECT {
    MATCH (x15:Customer {id: x13.referrerId})
    WITH x15
    LIMIT 1
    RETURN {`id`: x15.id, `__audit`: x15.id} }), `source`: x13_o {.name}} }), `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 50,
//   "p2": 20,
//   "p3": false,
//   "p4": "NEWEST",
//   "p5": 21,
//   "p6": 20,
//   "p7": false,
//   "p8": "NEWEST",
//   "p9": 21
// }
