"""The HTTP edge: the Starlette app, API-key authentication, request limits; it builds each
request's context."""
