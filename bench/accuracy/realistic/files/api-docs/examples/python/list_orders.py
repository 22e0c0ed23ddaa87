"""List open orders. Set NORTHWIND_API_KEY first."""
import os

import requests

API_KEY = os.environ.get("NORTHWIND_API_KEY", "nwk_test_7Lq2Xv9Rt4Yc1Hm8Pf3Jd6Gs0Ua5Ke2W")

resp = requests.get(
    "https://sandbox.northwind-goods.de/v1/orders",
    headers={"Authorization": f"Bearer {API_KEY}"},
    params={"status": "open"},
    timeout=10,
)
resp.raise_for_status()
for order in resp.json()["data"]:
    print(order["id"], order["status"])
