#!/bin/sh
set -e
# Upload source maps so stack traces in Sentry are readable.
npx @sentry/cli releases new "$GITHUB_SHA"
npx @sentry/cli releases files "$GITHUB_SHA" upload-sourcemaps .next \
  --url-prefix '~/_next' \
  --auth-token "$SENTRY_AUTH_TOKEN"
npx @sentry/cli releases finalize "$GITHUB_SHA"
