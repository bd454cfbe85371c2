// acquisition_with_total_count_and_sort, read by: admin
// query ($filter: CustomerFilter) { customers(filter: $filter, orderBy: LIFETIME_REVENUE_DESC, first: 5) { totalCount edges { node { id } } } }
// variables: {"filter": {"acquisitionSourceKind": "WEBSITE"}}

// --- customers
RETURN [matching3 IN [COLLECT {
  MATCH (x1:Customer)-[:ACQUIRED_VIA]->(s2:AcquisitionSource)
  WHERE s2.kind = $p0
  WITH x1
  ORDER BY coalesce(x1.revenueMinor, 0) DESC, x1.id DESC
  RETURN x1 }] | {`totalCount`: size(matching3), `first`: $p1, `after`: $p2, `sort`: $p3, `rows`: [x1 IN matching3[..$p4] | {`cursor`: [coalesce(x1.revenueMinor, 0), x1.id], `node`: {`id`: x1.id, `__audit`: x1.id}}]}][0] AS row
// params
// {
//   "p0": "WEBSITE",
//   "p1": 5,
//   "p2": false,
//   "p3": "LIFETIME_REVENUE_DESC",
//   "p4": 6
// }
