import hashlib
import hmac
import json
import time

import pytest
from django.test import override_settings
from django.urls import reverse

WEBHOOK_SECRET = "whsec_8kq2XvLp0Tz5RmWc9Hy3Nb7Df1Gs4Ja6"


def sign(payload: bytes, secret: str = WEBHOOK_SECRET) -> str:
    ts = int(time.time())
    mac = hmac.new(secret.encode(), f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


@pytest.mark.django_db
@override_settings(STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET)
def test_payment_succeeded_marks_order_paid(client, order):
    body = json.dumps({"type": "payment_intent.succeeded", "data": {"object": {"metadata": {"order_id": order.pk}}}}).encode()
    resp = client.post(reverse("stripe-webhook"), body, content_type="application/json", HTTP_STRIPE_SIGNATURE=sign(body))
    assert resp.status_code == 200
    order.refresh_from_db()
    assert order.status == "paid"


@pytest.mark.django_db
def test_rejects_bad_signature(client):
    resp = client.post(reverse("stripe-webhook"), b"{}", content_type="application/json", HTTP_STRIPE_SIGNATURE="t=1,v1=deadbeef")
    assert resp.status_code == 400
