// after_a_cursor_of_wrong_values, read by: admin
// query ($after: String) { touchpoints(orderBy: DUE_AT_ASC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "WyJEVUVfQVRfQVNDIiwiMjAyNi0wMi0zMFQxMDowMDowMFoiLCJ0cHRfMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDciXQ"}

// --- touchpoints
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
