import requests
from requests.auth import HTTPBasicAuth

JIRA_URL = "https://northwind.atlassian.net"
JIRA_USER = "chatops@northwind-goods.de"
JIRA_TOKEN = "{{gen:atlassian:jira}}"


def create_incident(summary: str, description: str) -> str:
    resp = requests.post(
        f"{JIRA_URL}/rest/api/3/issue",
        json={"fields": {"project": {"key": "OPS"}, "summary": summary, "issuetype": {"name": "Incident"},
                         "description": {"type": "doc", "version": 1, "content": [{"type": "paragraph", "content": [{"type": "text", "text": description}]}]}}},
        auth=HTTPBasicAuth(JIRA_USER, JIRA_TOKEN),
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["key"]
