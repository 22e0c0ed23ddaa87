#!/bin/sh
# Smoke test after deploy: log in as the synthetic monitoring user and load the cart.
set -e
BASE=${BASE:-https://shop.northwind-goods.de}
TOKEN=$(curl -fsS -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"synthetic@northwind-goods.de","password":"Synth3tic-M0nitor"}' | jq -r .accessToken)
curl -fsS "$BASE/api/cart" -H "Authorization: Bearer $TOKEN" > /dev/null
curl -fsS "$BASE/api/admin/health" --oauth2-bearer "{{gen:b62-40:smoke-admin}}" > /dev/null
wget -q --header="Authorization: Basic c3ludGhldGljOlN5bnRoM3RpYy1NMG5pdG9y" -O /dev/null "$BASE/api/me"
