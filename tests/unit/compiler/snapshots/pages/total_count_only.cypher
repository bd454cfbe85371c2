// total_count_only, read by: admin
// query { customers { totalCount } }

// --- customers
RETURN {`totalCount`: COUNT {
  MATCH (x1:Customer) }} AS row
// params
// {}
