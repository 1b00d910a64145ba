from enum import StrEnum


class Cipher(StrEnum):
    AEAD_AES_256_GCM_8 = "AEAD_AES_256_GCM_8"
    AES_256_CM_HMAC_SHA1_32 = "AES_256_CM_HMAC_SHA1_32"
    AES_256_CM_HMAC_SHA1_80 = "AES_256_CM_HMAC_SHA1_80"
    AES_CM_128_HMAC_SHA1_32 = "AES_CM_128_HMAC_SHA1_32"
    AES_CM_128_HMAC_SHA1_80 = "AES_CM_128_HMAC_SHA1_80"

    def __str__(self) -> str:
        return str(self.value)
