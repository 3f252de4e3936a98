#!/usr/bin/env bash
# Packages the service offline: bundles the handlers with esbuild and writes the zip and
# .serverless/cloudformation-template-update-stack.json, without an AWS account.
#
# osls needs credentials to exist, not to work, for `package`: fake ones are set here so a
# developer's real profile is never picked up (or required). Extra arguments go to osls,
# e.g. `npm run package -- --stage prod --region eu-central-1`.
set -euo pipefail
cd "$(dirname "$0")/.."

unset AWS_PROFILE AWS_SESSION_TOKEN
export AWS_ACCESS_KEY_ID=offline-packaging-fake-key
export AWS_SECRET_ACCESS_KEY=offline-packaging-fake-secret
export AWS_REGION="${AWS_REGION:-eu-west-1}"
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off

# The data files' parses, read at cold start instead of the YAML, and the fields of
# world-countries the reference reads (infra/parse-data.ts).
node_modules/.bin/tsx infra/parse-data.ts

# `osls` explicitly: with peer dependencies installed, .bin/serverless may be Serverless v4,
# which cannot run offline.
exec node_modules/.bin/osls package "$@"
