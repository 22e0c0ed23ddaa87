from .base import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["shop.northwind-goods.de", "www.northwind-goods.de"]

SECRET_KEY = "n7$w@x2k!q0v^h3p#e8z(r_t5y-u+i9o1l&j4m6b=c*f)g"

DATABASES["default"].update(
    {
        "HOST": "shop-db.c9akcirqxjrt.eu-central-1.rds.amazonaws.com",
        "USER": "shop_app",
        "PASSWORD": "Nw-Sh0p!2023-prod",
    }
)

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "{{gen:sendgrid:mail}}"

CELERY_BROKER_URL = "redis://:r3d1s-Br0ker-77@shop-cache.internal:6379/0"

STRIPE_SECRET_KEY = "{{gen:stripe-live:shop}}"
STRIPE_PUBLISHABLE_KEY = "pk_live_51MZq3sKp9wLd2Vx8TnYc4Rf6Gh0Jk1Lm2Np3Qr4St5Uv6Wx7Yz8Ab9Cd0Ef1Gh2Ij3Kl4Mn5Op6Qr"
STRIPE_WEBHOOK_SECRET = "{{gen:stripe-webhook:shop}}"

SENTRY_DSN = "https://3f9d2c1b7a6e4d5f8b0c9a1e2d3f4b5c@o450123.ingest.sentry.io/5512345"
