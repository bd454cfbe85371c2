"""The work queue: what an account owner should do today, most pressing first."""
