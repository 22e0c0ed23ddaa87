#!/bin/sh
# Create a test order in the sandbox.
curl -X POST https://sandbox.northwind-goods.de/v1/orders \
  -u nwk_test_7Lq2Xv9Rt4Yc1Hm8Pf3Jd6Gs0Ua5Ke2W: \
  -H 'Content-Type: application/json' \
  -d '{"items":[{"sku":"NW-1001","qty":2}],"shipping":{"country":"DE"}}'

# Same with a token from the environment
curl -X POST https://sandbox.northwind-goods.de/v1/orders \
  -H "Authorization: Bearer ${NORTHWIND_TOKEN:?set NORTHWIND_TOKEN}" \
  -d @order.json
