#!/usr/bin/env bash
# What a scan needs, and nothing else (the demo runs this): npm dependencies, the compiled CLI and the Apache
# Kafka broker classpath for the local cluster (Maven Central, cached under .cache/kafka).
# Needs Node.js >= 20.19 (with npm), Java 17+ and Maven. Test-only tools come from scripts/setup-test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 ($2)"); }
need node "Node.js >= 20.19 runs kafka-readiness"
need npm "npm installs its packages"
need java "Java 17+ runs the local Kafka brokers"
need mvn "Maven fetches the Kafka broker from Maven Central"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: missing $(IFS=';'; echo "${missing[*]}" | sed 's/;/, /g')" >&2
  exit 2
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("setup: Node.js >= 20.19 required, found "+process.versions.node); process.exit(2) }'
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
if [ -n "$java_major" ] && [ "$java_major" -lt 17 ]; then echo "setup: Java 17+ required, found $java_major" >&2; exit 2; fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
bash test/cluster/fetch-kafka.sh "${KAFKA_VERSION:-4}" >/dev/null
