"""Touchpoints: every contact with a customer, recorded."""
