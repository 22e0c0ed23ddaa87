# Local development settings. Do not use in production.
from .base import *  # noqa

DEBUG = True
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "django-insecure-8#s2v!l9$wq6r@d0+z^k3j&n)t5e(h1y7u_x=c4p*a-m"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "postgres",
        "PASSWORD": "postgres",
        "HOST": "localhost",
        "PORT": "5432",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INTERNAL_IPS = ["127.0.0.1"]
