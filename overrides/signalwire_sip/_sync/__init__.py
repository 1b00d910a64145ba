"""The synchronous client, produced from ``_async/`` by scripts/make_sync.py."""
