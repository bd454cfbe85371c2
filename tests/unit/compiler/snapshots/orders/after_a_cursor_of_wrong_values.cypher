// after_a_cursor_of_wrong_values, read by: admin
// query ($after: String) { orders(orderBy: DUE_DATE_ASC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "WyJEVUVfREFURV9BU0MiLCIyMDI2LTAyLTMwIiwib3JkXzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA3Il0"}

// --- orders
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
