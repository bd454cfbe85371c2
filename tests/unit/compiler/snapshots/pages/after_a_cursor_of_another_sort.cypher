// after_a_cursor_of_another_sort, read by: admin
// query ($after: String) { customers(orderBy: CREATED_AT_ASC, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
// variables: {"after": "WyJOQU1FX0FTQyIsIkFkYSIsImN1c18wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- customers
// error BAD_USER_INPUT at after: This cursor belongs to another list or sort order.
