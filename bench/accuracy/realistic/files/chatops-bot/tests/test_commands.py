from unittest.mock import MagicMock, patch

from src.integrations import jira


@patch("src.integrations.jira.requests.post")
def test_create_incident(post):
    post.return_value = MagicMock(status_code=201, json=lambda: {"key": "OPS-1"})
    assert jira.create_incident("db down", "primary not reachable") == "OPS-1"
    _, kwargs = post.call_args
    assert kwargs["auth"].username == "chatops@northwind-goods.de"


def test_token_not_logged(caplog):
    jira.JIRA_TOKEN = "dummy-token-for-tests"
    assert "dummy-token" not in caplog.text
