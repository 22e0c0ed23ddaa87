#!/usr/bin/env bash
set -euo pipefail
DUMP=${1:?usage: db-restore.sh DUMP}

PGPASSWORD=postgres pg_restore \
  -h localhost -U postgres -d shop --clean --if-exists "$DUMP"

mysql --host=10.20.0.15 --user=crm --password='Crm#Db!2022' crm < /tmp/crm.sql

mongorestore --uri "mongodb://catalog_admin:M0ngo-Catal0g!@mongo-prod-1.northwind.local:27017/?authSource=admin" \
  --drop /backups/catalog
