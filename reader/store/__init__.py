"""SQLite store: schema, migrations, writes and the queries the reader needs."""
