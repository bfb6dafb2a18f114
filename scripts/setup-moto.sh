#!/usr/bin/env bash
# Installs moto's server (a local CloudWatch stand-in for the CloudWatch integration tests) into a Python venv
# under .cache/moto-venv. Idempotent: a venv that already has the pinned version is left alone.
# moto >= 5.1.12 serves CloudWatch over both the query protocol and JSON 1.0, which the JS SDK uses since 3.949.0.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_VERSION="${MOTO_VERSION:-5.2.5}"
VENV=".cache/moto-venv"
command -v python3 >/dev/null 2>&1 || { echo "setup-moto: python3 is required (moto_server runs on it)" >&2; exit 2; }
if [ -x "$VENV/bin/moto_server" ] && [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" = "$MOTO_VERSION" ]; then
  echo "setup-moto: moto $MOTO_VERSION already in $VENV" >&2
  exit 0
fi
mkdir -p .cache
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
"$VENV/bin/moto_server" --help >/dev/null
echo "setup-moto: moto $MOTO_VERSION installed in $VENV" >&2
