// after_a_foreign_cursor, read by: admin
// query ($after: String) { orders(orderBy: TOTAL_ASC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "not-a-cursor"}

// --- orders
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
