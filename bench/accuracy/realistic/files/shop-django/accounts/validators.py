import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SPECIAL = re.compile(r"[!@#$%^&*()_+\-=\[\]{};':\"\\|,.<>/?]")


class ComplexityValidator:
    """Require a mix of character classes in new passwords."""

    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        classes = 0
        classes += bool(re.search(r"[a-z]", password))
        classes += bool(re.search(r"[A-Z]", password))
        classes += bool(re.search(r"\d", password))
        classes += bool(SPECIAL.search(password))
        if classes < self.min_classes:
            raise ValidationError(
                _("Your password must contain at least %(min)d kinds of characters."),
                code="password_too_simple",
                params={"min": self.min_classes},
            )

    def get_help_text(self):
        return _("Your password must mix upper case, lower case, digits and symbols.")


def check_not_reused(user, new_password):
    if user.check_password(new_password):
        raise ValidationError(_("The new password must differ from the old one."))
