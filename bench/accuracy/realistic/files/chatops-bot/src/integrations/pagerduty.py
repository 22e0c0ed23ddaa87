import os

import requests

ROUTING_KEY = os.getenv("PD_ROUTING_KEY", "R0{{gen:hex-30:pd-routing}}")
PD_API = "https://events.pagerduty.com/v2/enqueue"
HEADERS = {"Authorization": "Token token=" + os.environ.get("PD_API_TOKEN", ""), "Accept": "application/json"}


def trigger(summary, severity="error"):
    body = {"routing_key": ROUTING_KEY, "event_action": "trigger", "payload": {"summary": summary, "severity": severity, "source": "chatops"}}
    return requests.post(PD_API, json=body, timeout=10).json()
