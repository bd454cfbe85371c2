"""Customers: reads (by id, by external id, lists, search), filters, writes, bulk upsert,
personal-data rights."""
