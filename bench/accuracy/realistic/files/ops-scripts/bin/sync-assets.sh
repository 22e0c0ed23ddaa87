#!/usr/bin/env bash
# Mirror product images from the old CDN bucket to the new one.
set -euo pipefail

SRC=s3://nw-cdn-legacy/images
DST=s3://nw-cdn/images

AWS_ACCESS_KEY_ID={{gen:aws-key-id:assets}} AWS_SECRET_ACCESS_KEY={{gen:aws-secret:assets}} \
  aws s3 sync "$SRC" "$DST" --only-show-errors

rclone sync legacy:images nas:/export/images \
  --sftp-pass "$(rclone obscure 'Nas-Backup-Pw9')" \
  --transfers 8
