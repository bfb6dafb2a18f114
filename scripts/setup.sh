#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm dependencies, the compiled CLI and the Apache Kafka
# broker classpath (Maven Central, cached under .cache/kafka). Java 17+ and Maven must be on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: $1 is required ($2)" >&2; exit 2; }; }
need node "Node.js >= 20.19"
need java "Java 17+ runs the Kafka brokers"
need mvn "Maven fetches the Kafka broker from Maven Central"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("setup: Node.js >= 20.19 required, found "+process.versions.node); process.exit(2) }'
# Headless Chromium (Debian's package) renders the HTML report in the browser tests.
if [ "${KR_SKIP_BROWSER:-0}" != 1 ] && [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing chromium (Debian package) for the HTML report tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "setup: chromium is missing and cannot be installed here (need root + apt-get); set CHROMIUM_PATH" >&2
  fi
fi
if ! command -v jq >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >&2 || true
fi
need jq "jq runs a step of the GitHub Actions example the tests execute"
need openssl "openssl makes the test cluster's TLS certificates"
need python3 "Python 3 runs moto, the local CloudWatch for the CloudWatch tests"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
bash test/cluster/fetch-kafka.sh "${KAFKA_VERSION:-4}" >&2
if [ "${KR_SKIP_MOTO:-0}" != 1 ]; then bash scripts/setup-moto.sh >&2; fi
