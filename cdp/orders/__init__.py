"""Orders and their lines: placing them, their status, invoices."""
