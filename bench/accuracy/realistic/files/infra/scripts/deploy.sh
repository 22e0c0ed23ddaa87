#!/usr/bin/env bash
set -euo pipefail

ENV=${1:-staging}
echo "Deploying to $ENV"

# Registry login for the old Harbor instance (to be retired)
docker login harbor.northwind.local -u robot\$deployer -p 'eyJhbGciOiJSUzI1NiJ9-harbor-robot-Kq9Xz2'

curl -sf -u admin:Adm1n-Jenk1ns \
  -X POST "https://jenkins.northwind.local/job/shop-$ENV/buildWithParameters" \
  --data-urlencode "VERSION=$(git describe --tags)"

helm upgrade --install shop ./helm/shop \
  --namespace shop \
  --set secretKey="$DJANGO_SECRET_KEY" \
  --set redis.auth.password=R3dis-Helm-Pw \
  --wait

curl -X POST -H 'Content-type: application/json' --data '{"text":"shop deployed to '"$ENV"'"}' {{gen:slack-webhook:deploys}}
