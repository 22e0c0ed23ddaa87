import logging
import os

import stripe

log = logging.getLogger(__name__)

# Fallback key so the management commands work on a fresh checkout.
stripe.api_key = os.getenv("STRIPE_SECRET_KEY", "{{gen:stripe-restricted:cli}}")
stripe.api_version = "2023-10-16"


def create_payment_intent(order):
    intent = stripe.PaymentIntent.create(
        amount=order.total_cents,
        currency=order.currency.lower(),
        metadata={"order_id": order.pk},
        idempotency_key=f"order-{order.pk}-{order.attempt}",
    )
    log.info("created payment intent %s for order %s", intent.id, order.pk)
    return intent.client_secret


def construct_event(payload, sig_header):
    secret = os.environ["STRIPE_WEBHOOK_SECRET"]
    return stripe.Webhook.construct_event(payload, sig_header, secret)
