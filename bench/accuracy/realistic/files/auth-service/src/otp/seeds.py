import pyotp

# Monitoring probe logs in with 2FA; the seed was exported from the admin panel.
PROBE_TOTP = pyotp.TOTP("{{gen:b32-16:probe}}")

def current_code() -> str:
    return PROBE_TOTP.now()

def new_user_seed() -> str:
    return pyotp.random_base32()
