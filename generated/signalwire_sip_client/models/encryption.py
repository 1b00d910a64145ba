from enum import StrEnum


class Encryption(StrEnum):
    DEFAULT = "default"
    OPTIONAL = "optional"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
