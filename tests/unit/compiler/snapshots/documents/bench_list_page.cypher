// bench_list_page, read by: admin
// query ListPage($stage: LifecycleStage!, $sourceKind: AcquisitionKind!) {
//   customers(
//     filter: { lifecycleStage: [$stage], acquisitionSourceKind: $sourceKind }
//     orderBy: CREATED_AT_DESC
//     first: 20
//   ) {
//     totalCount
//     edges { node { id name lifecycleStage createdAt } }
//   }
// }
// variables: {"stage": "CUSTOMER", "sourceKind": "REFERRAL"}

// --- customers
RETURN [matching4 IN [COLLECT {
  MATCH (x1:Customer)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
  WHERE s2.kind = $p0 AND x1.lifecycleStage IN $p1
  WITH x1
  ORDER BY x1.createdAt DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching4), `first`: $p2, `after`: $p3, `sort`: $p4, `rows`: [x1 IN matching4[..$p5] | {`cursor`: [toString(x1.createdAt), x1.id], `node`: [m3 IN [{`id`: x1.id, `name`: x1.name, `lifecycleStage`: x1.lifecycleStage, `createdAt`: x1.createdAt, `__audit`: x1.id}] | m3 {.*, `createdAt`: toString(m3.`createdAt`)}][0]}]}][0] AS row
// params
// {
//   "p0": "REFERRAL",
//   "p1": [
//     "CUSTOMER"
//   ],
//   "p2": 20,
//   "p3": false,
//   "p4": "CREATED_AT_DESC",
//   "p5": 21
// }
// personal data read: Customer.name
