#!/usr/bin/env bash
# Deploys the stack to the AWS account of the current credentials (a profile, SSO, or
# environment variables): `npm run deploy -- --stage prod --region eu-west-1`. Extra arguments go
# to osls, e.g. --param="timeZone=Europe/London" --param="alarmEmail=ops@example.org".
# See README.md ("Deploy") for what it creates and costs.
set -euo pipefail
cd "$(dirname "$0")/.."
export SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off

# Fail early, with a clear message, rather than halfway through a deployment.
if ! node -e "require('@aws-sdk/client-s3')" 2>/dev/null; then
  echo "npm run deploy: run npm ci first" >&2
  exit 2
fi
if [[ -z "${AWS_PROFILE:-}${AWS_ACCESS_KEY_ID:-}${AWS_CONTAINER_CREDENTIALS_FULL_URI:-}" && ! -f "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" && ! -f "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ]]; then
  echo "npm run deploy: no AWS credentials found; set AWS_PROFILE (or run aws configure / aws sso login)" >&2
  exit 2
fi

# The data files' parses, read at cold start instead of the YAML, and the fields of
# world-countries the reference reads (infra/parse-data.ts).
node_modules/.bin/tsx infra/parse-data.ts

# `osls` explicitly: .bin/serverless may be Serverless v4, which needs its own login.
exec node_modules/.bin/osls deploy "$@"
