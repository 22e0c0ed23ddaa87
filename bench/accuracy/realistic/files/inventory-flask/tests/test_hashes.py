from werkzeug.security import check_password_hash

# Hash of "inventory-admin" produced by werkzeug 2.x, kept to test upgrades.
LEGACY_HASH = "pbkdf2:sha256:260000$Qx8LmVb2$5c9e1a7f3b2d8e0c4a6f1b9d3e7c5a2f8b0d4e6a1c3e5f7a9b2d4f6e8a0c1e3f"
SCRYPT_HASH = "scrypt:32768:8:1$Lq3zK8p1Wv7Rt2Yx$9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e"


def test_legacy_hash_still_verifies():
    assert check_password_hash(LEGACY_HASH, "inventory-admin")
