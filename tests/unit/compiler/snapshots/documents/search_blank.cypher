// search_blank, read by: admin
// query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }
// variables: {"text": "   "}

// --- searchCustomers
// error BAD_USER_INPUT at text: Search for at least one word.
