"""Influence between customers: who sways whom."""
