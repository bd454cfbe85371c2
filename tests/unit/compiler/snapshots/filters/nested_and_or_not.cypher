// nested_and_or_not, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }
// variables: {"filter": {"lifecycleStage": ["CUSTOMER"], "OR": [{"acquisitionSourceKind": "REFERRAL"}, {"AND": [{"kind": "ORGANIZATION"}, {"NOT": {"email": {"contains": "@old."}}}]}, {"influencedBy": {"OR": [{"name": {"startsWith": "B"}}, {"NOT": {}}]}}], "NOT": {"hasOrderWithStatus": "UNREALIZED"}}}

// --- customers
RETURN [matching6 IN [COLLECT {
  MATCH (x1:Customer)
  WHERE x1.lifecycleStage IN $p0 AND ((EXISTS {
    MATCH (x1)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
    WHERE s2.kind = $p1 }) OR ((x1.kind = $p2) AND (NOT (any(e3 IN coalesce(x1.emails, [])
  WHERE toLower(e3) CONTAINS $p3)))) OR (EXISTS {
    MATCH (x1)<-[:INFLUENCES]-(c4:Customer)
    WHERE ((toLower(c4.name) STARTS
    WITH $p4) OR (NOT true)) })) AND NOT (EXISTS {
    MATCH (x1)-[:PLACED]->(o5:Order)
    WHERE o5.status = $p5 })
  WITH x1
  ORDER BY x1.name, x1.id
  RETURN x1 }] | {`totalCount`: size(matching6), `first`: $p6, `after`: $p7, `sort`: $p8, `rows`: [x1 IN matching6[..$p9] | {`item`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": [
//     "CUSTOMER"
//   ],
//   "p1": "REFERRAL",
//   "p2": "ORGANIZATION",
//   "p3": "@old.",
//   "p4": "b",
//   "p5": "UNREALIZED",
//   "p6": 20,
//   "p7": false,
//   "p8": "NAME_ASC",
//   "p9": 21
// }
