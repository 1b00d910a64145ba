from enum import StrEnum


class CallHandler(StrEnum):
    BLOCK_PSTN = "block-pstn"
    DEFAULT = "default"
    PASSTHROUGH = "passthrough"
    RESOURCE = "resource"

    def __str__(self) -> str:
        return str(self.value)
