"""The database side: tables, schema migrations and the loader."""
