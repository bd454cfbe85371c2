// after_a_foreign_cursor, read by: admin
// query ($after: String) { touchpoints(orderBy: OCCURRED_AT_ASC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "not-a-cursor"}

// --- touchpoints
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
