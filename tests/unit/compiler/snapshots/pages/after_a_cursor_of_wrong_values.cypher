// after_a_cursor_of_wrong_values, read by: admin
// query ($after: String) { customers(orderBy: CREATED_AT_ASC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJDUkVBVEVEX0FUX0FTQyIsInllc3RlcmRheSIsImN1c18wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- customers
// error BAD_USER_INPUT at after: This cursor is not one this API returned.
