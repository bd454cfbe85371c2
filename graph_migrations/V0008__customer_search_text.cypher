// Search finds customers by their folded name and e-mails (`nameText`, `emailText`, written by
// cdp.search_text): "Berzins" finds "Bērziņš", "כהן" finds "כֹּהֵן". The index keeps its name
// and reads the folded properties instead of the name as typed; the folding is done before
// the analyzer (which only splits words and lowers case), on both the stored text and the query.
// The data step beside this file (same name, .py) stores the folded text of existing customers.
DROP INDEX customer_search IF EXISTS;

CREATE FULLTEXT INDEX customer_search IF NOT EXISTS
FOR (c:Customer) ON EACH [c.nameText, c.emailText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};

// Searches fail while the index is populating: the migration ends when it is online.
CALL db.awaitIndex('customer_search', 600);
