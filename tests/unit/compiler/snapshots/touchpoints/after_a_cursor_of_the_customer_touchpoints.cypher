// after_a_cursor_of_the_customer_touchpoints, read by: admin
// query ($after: String) { touchpoints(orderBy: OCCURRED_AT_DESC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "WyJORVdFU1QiLCIyMDI2LTAyLTAxVDA5OjMwOjAwWiIsInRwdF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- touchpoints
// error BAD_USER_INPUT at after: This cursor belongs to another list or sort order.
