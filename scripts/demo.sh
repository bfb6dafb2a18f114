#!/usr/bin/env bash
# One command from a fresh clone: install dependencies, build, start a local 3-broker Kafka cluster
# (fetched from Maven Central), seed a workload with faults, scan it and write reports/report.{txt,json}.
# Needs only Node.js >= 20.19, Java 17+ and Maven (scripts/setup.sh checks them and names what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/demo.mjs
