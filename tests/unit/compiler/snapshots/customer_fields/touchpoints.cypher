// touchpoints, read by: admin
// query ($id: ID!) {
//   customer(id: $id) {
//     touchpoints {
//              totalCount
//              edges {
//                cursor
//                node {
//        id channel direction kind occurredAt summary outcome satisfaction resolved
//     handledBy { id name } customer { id name } }
//              }
//            }
//   }
// }
// variables: {"id": "cus_00000000000000000000000000000001"}

// --- customer
MATCH (c:Customer {id: $p0})
RETURN {`touchpoints`: {`totalCount`: COUNT {
  MATCH (c)-[:HAD]->(x1:Touchpoint) }, `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: COLLECT {
  MATCH (c)-[:HAD]->(x1:Touchpoint)
  WITH x1
  ORDER BY x1.occurredAt DESC, x1.id DESC
  LIMIT $p4
  RETURN {`cursor`: [toString(x1.occurredAt), x1.id], `node`: [m6 IN [x1 {.id, .channel, .direction, .kind, .occurredAt, .summary, .outcome, .satisfaction, `resolved`: coalesce(x1.resolved, false), `handledBy`: head(COLLECT {
    MATCH (x1)-[:HANDLED_BY]->(x2:Employee)
    WITH x2
    LIMIT 1
    RETURN x2 {.id, .name} }), `customer`: head(COLLECT {
    MATCH (x1)<-[:HAD]-(x4:Customer)
    WITH x4
    LIMIT 1
    RETURN {`id`: x4.id, `name`: x4.name, `__audit`: x4.id} })}] | m6 {.*, `occurredAt`: toString(m6.`occurredAt`)}][0]} }}, `__audit`: c.id} AS row
// params
// {
//   "p0": "cus_00000000000000000000000000000001",
//   "p1": 20,
//   "p2": false,
//   "p3": "NEWEST",
//   "p4": 21
// }
// personal data read: Customer.name, Touchpoint.outcome, Touchpoint.summary
