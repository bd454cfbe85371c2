// nothing_but_typename, read by: admin
// query { customers { __typename } }

// --- customers
RETURN {} AS row
// params
// {}
