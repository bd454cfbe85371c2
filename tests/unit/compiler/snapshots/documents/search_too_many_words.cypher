// search_too_many_words, read by: admin
// query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }
// variables: {"text": "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w"}

// --- searchCustomers
// error LIST_TOO_LONG at text: Search for at most 32 words.
