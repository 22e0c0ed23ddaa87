import pytest
from rest_framework.test import APIClient

from accounts.models import User

DEFAULT_PASSWORD = "Sup3r-S3cret-Test!"


@pytest.fixture
def user(db):
    return User.objects.create_user(
        username="alice",
        email="alice@northwind-goods.de",
        password=DEFAULT_PASSWORD,
    )


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("root", "root@northwind-goods.de", "welcome1")


@pytest.fixture
def api_client(user):
    client = APIClient()
    client.login(username="alice", password="Sup3r-S3cret-Test!")
    return client


@pytest.fixture
def token_client(user):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token " + token.key)
    return client
