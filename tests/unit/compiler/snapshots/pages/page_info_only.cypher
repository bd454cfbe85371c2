// page_info_only, read by: admin
// query { customers { pageInfo { hasNextPage } } }

// --- customers
RETURN {`first`: $p0, `after`: $p1, `sort`: $p2, `rows`: COLLECT {
  MATCH (x1:Customer)
  WITH x1
  ORDER BY x1.name, x1.id
  LIMIT $p3
  RETURN {`cursor`: [x1.name, x1.id]} }} AS row
// params
// {
//   "p0": 20,
//   "p1": false,
//   "p2": "NAME_ASC",
//   "p3": 21
// }
