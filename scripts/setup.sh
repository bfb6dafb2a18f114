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
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
bash test/cluster/fetch-kafka.sh "${KAFKA_VERSION:-4}" >&2
