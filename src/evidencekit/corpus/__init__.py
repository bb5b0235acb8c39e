"""The corpus: one SQLite file (sqlite-utils) with provenance and search; batch ingest."""
