from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    email = models.EmailField(_("email address"), unique=True)
    password_changed_at = models.DateTimeField(null=True, blank=True)
    api_token = models.CharField(max_length=64, blank=True, db_index=True)
    otp_secret = models.CharField(max_length=32, blank=True)
    marketing_opt_in = models.BooleanField(default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def rotate_api_token(self):
        import secrets

        self.api_token = secrets.token_hex(32)
        self.save(update_fields=["api_token"])
        return self.api_token


class PasswordResetRequest(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reset_requests")
    token_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    used = models.BooleanField(default=False)
