"""The only package with SQL: the schema, opening a file, the record store, the search index."""
