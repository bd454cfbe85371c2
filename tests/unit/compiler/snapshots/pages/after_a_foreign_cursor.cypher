// after_a_foreign_cursor, read by: admin
// query ($after: String) { customers(orderBy: NAME_ASC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "not-a-cursor"}

// --- customers
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
