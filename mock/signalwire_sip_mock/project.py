"""A project the mock serves: its own module, so that launching the mock (``MockProcess``)
needs none of the server's dependencies."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Project:
    """A project the mock knows: its id (the Basic username) and API token (the password)."""

    id: str
    token: str = field(repr=False)

    @classmethod
    def parse(cls, text: str) -> Project:
        """A Project from ``PROJECT_ID:TOKEN``."""
        project_id, sep, token = text.partition(":")
        if not sep or not project_id or not token:
            raise ValueError("a project is given as PROJECT_ID:TOKEN")
        return cls(project_id, token)
