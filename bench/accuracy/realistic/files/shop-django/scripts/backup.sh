#!/usr/bin/env bash
# Nightly database backup to the object store.
set -euo pipefail

STAMP=$(date +%Y%m%d-%H%M)
export PGPASSWORD=Nw-Sh0p!2023-prod

pg_dump -h shop-db.c9akcirqxjrt.eu-central-1.rds.amazonaws.com -U shop_app -Fc shop > /tmp/shop-$STAMP.dump

AWS_ACCESS_KEY_ID={{gen:aws-key-id:backup}} \
AWS_SECRET_ACCESS_KEY={{gen:aws-secret:backup}} \
  aws s3 cp /tmp/shop-$STAMP.dump s3://northwind-backups/shop/ --sse AES256

swift --os-auth-url https://identity.cloud.ovh.net/v3 --os-username shop-backups \
  --os-password Tr1cky-0penstack \
  upload shop-backups /tmp/shop-$STAMP.dump

rm -f /tmp/shop-$STAMP.dump
echo "backup $STAMP done"
