#!/usr/bin/env bash
# Generate a new signing key and upload the public part.
set -euo pipefail
openssl ecparam -name prime256v1 -genkey -noout -out /tmp/signing.pem
openssl ec -in /tmp/signing.pem -pubout -out /tmp/signing.pub
KID=$(date +%Y-%m)-es256
aws secretsmanager put-secret-value --secret-id auth/signing-key --secret-string file:///tmp/signing.pem
shred -u /tmp/signing.pem
echo "new kid: $KID"
