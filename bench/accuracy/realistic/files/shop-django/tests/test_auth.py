import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_login_returns_token(client, user):
    resp = client.post(reverse("obtain-token"), {"email": user.email, "password": "Sup3r-S3cret-Test!"})
    assert resp.status_code == 200
    assert len(resp.json()["token"]) == 40


@pytest.mark.django_db
def test_login_rejects_wrong_password(client, user):
    resp = client.post(reverse("obtain-token"), {"email": user.email, "password": "not-the-password"})
    assert resp.status_code == 401


@pytest.mark.django_db
def test_change_password(api_client):
    resp = api_client.post(
        reverse("change-password"),
        {"old_password": "Sup3r-S3cret-Test!", "new_password": "An0ther-L0ng-One"},
    )
    assert resp.status_code == 204


@pytest.mark.parametrize("candidate", ["short", "alllowercaseletters", "12345678901"])
def test_weak_passwords_rejected(candidate):
    from django.core.exceptions import ValidationError
    from accounts.validators import ComplexityValidator

    with pytest.raises(ValidationError):
        ComplexityValidator().validate(candidate)
