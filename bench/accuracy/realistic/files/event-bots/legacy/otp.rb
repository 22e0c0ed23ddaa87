require "rotp"

# Shared TOTP for the legacy admin console (one seed for the whole team!)
ADMIN_TOTP = ROTP::TOTP.new("{{gen:b32-32:rb-admin}}", issuer: "Northwind Legacy")

def admin_code = ADMIN_TOTP.now
