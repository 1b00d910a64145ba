"""The asyncio client: the source the synchronous one is produced from."""
