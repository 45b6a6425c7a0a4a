"""The data folder and what it holds: opening and migrating the SQLite store, its full-text
index, SQLite's failures in words, backups, moving to a new laptop, unsaved typing, attached files."""
