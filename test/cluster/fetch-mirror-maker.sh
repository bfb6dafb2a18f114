#!/usr/bin/env bash
# Resolve MirrorMaker 2 (connect-mirror + connect-runtime, same version as the broker) from Maven Central.
#
#   test/cluster/fetch-mirror-maker.sh [version]     # default: 4.1.1
#
# Result: ${KAFKA_CACHE_DIR:-<repo>/.cache/kafka}/mirror-maker-<version>/libs/*.jar (+ a .complete marker).
# Prints the libs directory on stdout; progress on stderr. Idempotent and lock-serialised (maven-libs.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${1:-4.1.1}"
case "$version" in
  4.*) pom="$here/poms/mirror-maker-4.pom.xml" ;;
  *) echo "fetch-mirror-maker.sh: unsupported Kafka version '$version' (supported: 4.x)" >&2; exit 2 ;;
esac

# shellcheck source=maven-libs.sh
source "$here/maven-libs.sh"
maven_libs fetch-mirror-maker.sh "$pom" "$version" "${KAFKA_CACHE_DIR:-$repo/.cache/kafka}/mirror-maker-$version" "connect-mirror-$version.jar"
