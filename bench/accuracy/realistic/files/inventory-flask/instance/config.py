# Instance-specific overrides (not committed... in theory)
MAIL_USERNAME = "inventory@northwind-goods.de"
MAIL_PASSWORD = "Inv-Mail-Relay-5"
