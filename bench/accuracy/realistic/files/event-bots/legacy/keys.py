from cryptography.hazmat.primitives import serialization

PRIVATE_KEY = (
    "-----BEGIN EC PRIVATE KEY-----\n"
    "{{gen:pem-ec:py-legacy#1}}\n"
    "{{gen:pem-ec:py-legacy#2}}\n"
    "{{gen:pem-ec:py-legacy#3}}\n"
    "-----END EC PRIVATE KEY-----\n"
)

key = serialization.load_pem_private_key(PRIVATE_KEY.encode(), password=None)
