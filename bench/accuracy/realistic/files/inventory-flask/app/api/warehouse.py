import requests
from flask import current_app


def push_stock(sku: str, qty: int) -> None:
    requests.post(
        "https://wh.northwind-goods.de/stock",
        json={"sku": sku, "qty": qty},
        headers={"X-Api-Key": current_app.config["WAREHOUSE_API_KEY"]},
        timeout=5,
    ).raise_for_status()


def legacy_push(sku: str, qty: int) -> None:
    # old endpoint still takes basic auth
    requests.post("https://wh-legacy.northwind.local/stock", data={"sku": sku, "qty": qty}, auth=("inventory", "Wh-L3gacy-Inv"), timeout=5)
