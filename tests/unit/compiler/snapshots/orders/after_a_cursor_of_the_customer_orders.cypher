// after_a_cursor_of_the_customer_orders, read by: admin
// query ($after: String) { orders(orderBy: PLACED_AT_DESC, first: 2, after: $after) { nodes { id } } }
// variables: {"after": "WyJORVdFU1QiLCIyMDI2LTAyLTAxVDA5OjMwOjAwWiIsIm9yZF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNyJd"}

// --- orders
// error BAD_USER_INPUT at after: This cursor belongs to another list or sort order.
