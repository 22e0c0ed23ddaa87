import logging

import requests
from celery import shared_task
from django.conf import settings

log = logging.getLogger(__name__)

ERP_BASE = "https://erp.northwind-goods.de/api/v2"
ERP_AUTH = ("shop-sync", "Erp$ync-4471")


@shared_task(bind=True, max_retries=5)
def push_order_to_erp(self, order_id):
    from .models import Order

    order = Order.objects.get(pk=order_id)
    resp = requests.post(f"{ERP_BASE}/orders", json=order.to_erp(), auth=ERP_AUTH, timeout=10)
    if resp.status_code >= 500:
        raise self.retry(countdown=2 ** self.request.retries)
    resp.raise_for_status()
    log.info("order %s pushed to ERP as %s", order_id, resp.json()["id"])


@shared_task
def notify_warehouse(order_id):
    headers = {"X-Api-Key": settings.WAREHOUSE_API_KEY}
    requests.post("https://wh.northwind-goods.de/notify", json={"order": order_id}, headers=headers, timeout=5)
