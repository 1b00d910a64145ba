from enum import StrEnum


class Codec(StrEnum):
    G722 = "G722"
    G729 = "G729"
    H264 = "H264"
    OPUS = "OPUS"
    OPUS16000H20I = "OPUS@16000H@20I"
    OPUS24000H20I = "OPUS@24000H@20I"
    OPUS48000H20I = "OPUS@48000H@20I"
    OPUS8000H20I = "OPUS@8000H@20I"
    PCMA = "PCMA"
    PCMU = "PCMU"
    VP8 = "VP8"

    def __str__(self) -> str:
        return str(self.value)
