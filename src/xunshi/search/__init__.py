"""Chinese full-text search: words cut in Python, stored as tsvector, queried in SQL."""
from .query import SCOPES, Hit, search, to_websearch

__all__ = ["SCOPES", "Hit", "search", "to_websearch"]
