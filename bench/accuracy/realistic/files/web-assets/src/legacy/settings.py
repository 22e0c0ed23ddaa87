import os

from django.conf import settings

PASSWORD = settings.EMAIL_HOST_PASSWORD
SECRET = get_secret("legacy/session")
TOKEN = self.request.headers.get("X-Token", "")
API_KEY = os.environ["LEGACY_API_KEY"] if "LEGACY_API_KEY" in os.environ else None
DB_PASSWORD = config("DB_PASSWORD", default=None)
password_field = forms.CharField(widget=forms.PasswordInput(render_value=False))
AUTH_TOKEN_HEADER = "HTTP_X_AUTH_TOKEN"
