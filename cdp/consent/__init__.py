"""Consent: events per purpose and channel, and the guard writes pass."""
