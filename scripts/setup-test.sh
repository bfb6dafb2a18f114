#!/usr/bin/env bash
# The tools only the test suite needs, on top of scripts/setup.sh: headless Chromium (HTML report tests), jq
# (a step of the GitHub Actions example the tests run), openssl (the test cluster's TLS certificates) and
# Python 3 with a moto virtualenv (a local CloudWatch). On Debian/Ubuntu as root, missing Chromium and jq are
# installed with apt-get; anything still missing is named in one line (exit 2).
set -euo pipefail
cd "$(dirname "$0")/.."
can_apt() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "$@" >&2
}
chromium_ok() { [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || [ "${KR_SKIP_BROWSER:-0}" = 1 ]; }
if ! chromium_ok && can_apt; then
  echo "setup-test: installing chromium (Debian package) for the HTML report tests" >&2
  apt_install chromium
fi
if ! command -v jq >/dev/null 2>&1 && can_apt; then apt_install jq; fi
# Maven resolves MirrorMaker 2 (connect-mirror) from Maven Central for the migration (compare) test.
if ! command -v mvn >/dev/null 2>&1 && can_apt; then apt_install maven; fi
missing=()
chromium_ok || missing+=("chromium (HTML report tests; or set CHROMIUM_PATH)")
command -v jq >/dev/null 2>&1 || missing+=("jq (a step of the GitHub Actions example the tests run)")
command -v mvn >/dev/null 2>&1 || [ -f .cache/kafka/mirror-maker-4.1.1/.complete ] || missing+=("maven (MirrorMaker 2 jars for the migration test)")
command -v openssl >/dev/null 2>&1 || missing+=("openssl (the test cluster's TLS certificates)")
[ "${KR_SKIP_MOTO:-0}" = 1 ] || command -v python3 >/dev/null 2>&1 || missing+=("python3 (moto, the local CloudWatch)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-test: missing $(IFS=';'; echo "${missing[*]}" | sed 's/;/, /g')" >&2
  exit 2
fi
if [ "${KR_SKIP_MOTO:-0}" != 1 ]; then bash scripts/setup-moto.sh >&2; fi
bash test/cluster/fetch-mirror-maker.sh >/dev/null
