// lift, read by: admin
// query ($id: ID!) { campaign(id: $id) { lift { ratio byCustomer { customer { name } ratio } } } }
// variables: {"id": "cmp_00000000000000000000000000000001"}

// --- campaign
MATCH (k:Campaign {id: $p0})
RETURN {`lift`: CASE WHEN k.kind = 'TRADE_PROMOTION' THEN COLLECT {
  WITH COLLECT {
    MATCH (c10:Customer)-[:TAKES_PART_IN]->(k)
    RETURN {customer: c10, during: [lines13 IN [COLLECT {
      MATCH (c10)-[:PLACED]->(o11:Order)-[li12:CONTAINS]->(:Product)<-[:PROMOTES]-(k)
      WHERE o11.status = 'COMPLETED' AND o11.currency = k.currency AND o11.placedAt >= k.startsAt AND o11.placedAt < k.endsAt
      RETURN li12.quantity * li12.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v14 IN lines13 | s + toFloat(v14)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v14 IN lines13 | s + v14) END][0], before: [lines17 IN [COLLECT {
      MATCH (c10)-[:PLACED]->(o15:Order)-[li16:CONTAINS]->(:Product)<-[:PROMOTES]-(k)
      WHERE o15.status = 'COMPLETED' AND o15.currency = k.currency AND o15.placedAt >= k.baselineStartsAt AND o15.placedAt < k.startsAt
      RETURN li16.quantity * li16.unitPriceMinor }] | CASE WHEN reduce(s = 0.0, v18 IN lines17 | s + toFloat(v18)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v18 IN lines17 | s + v18) END][0], currency: k.currency}
    ORDER BY c10.name, c10.id } AS parts1
  WITH {during: [all5 IN [reduce(a4 = [], p3 IN parts1 | a4 + p3.during)] | CASE WHEN reduce(s = 0.0, v6 IN all5 | s + toFloat(v6)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v6 IN all5 | s + v6) END][0], before: [all8 IN [reduce(a7 = [], p3 IN parts1 | a7 + p3.before)] | CASE WHEN reduce(s = 0.0, v9 IN all8 | s + toFloat(v9)) >= 9.223372036854776e18 THEN 9223372036854775807 ELSE reduce(s = 0, v9 IN all8 | s + v9) END][0], currency: k.currency, customers: parts1} AS x2
  RETURN {`ratio`: CASE WHEN x2.before > 0 THEN toFloat(x2.during) / x2.before END, `byCustomer`: COLLECT { UNWIND x2.customers AS x19
    RETURN {`customer`: COLLECT {
      WITH x19.customer AS c20
      RETURN c20 {.name, `__audit`: c20.id} }[0], `ratio`: CASE WHEN x19.before > 0 THEN toFloat(x19.during) / x19.before END} }} }[0] END} AS row
// params
// {
//   "p0": "cmp_00000000000000000000000000000001"
// }
// personal data read: Customer.name
