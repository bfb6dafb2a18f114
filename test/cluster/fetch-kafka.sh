#!/usr/bin/env bash
# Resolve an Apache Kafka broker + CLI classpath from Maven Central into a local cache.
#
#   test/cluster/fetch-kafka.sh [version]      # default: $KAFKA_VERSION, else 4.1.1
#
# Aliases: "4" / "4.x" -> 4.1.1, "3.9" / "3.9.x" -> 3.9.1.
# Result:  ${KAFKA_CACHE_DIR:-<repo>/.cache/kafka}/kafka-<version>/libs/*.jar  (+ a .complete marker)
# Prints the libs directory on stdout; progress goes to stderr. Idempotent: a cached version is not
# fetched again (delete the kafka-<version> directory to force a refetch). The fetch itself: maven-libs.sh.
set -euo pipefail

DEFAULT_KAFKA_4=4.1.1
DEFAULT_KAFKA_39=3.9.1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

version="${1:-${KAFKA_VERSION:-$DEFAULT_KAFKA_4}}"
case "$version" in
  4|4.x) version=$DEFAULT_KAFKA_4 ;;
  3.9|3.9.x) version=$DEFAULT_KAFKA_39 ;;
esac

case "$version" in
  4.*) pom="$here/poms/kafka-4.pom.xml" ;;
  3.9.*) pom="$here/poms/kafka-3.9.pom.xml" ;;
  *) echo "fetch-kafka.sh: unsupported Kafka version '$version' (supported: 4.x, 3.9.x)" >&2; exit 2 ;;
esac

command -v java >/dev/null 2>&1 || { echo "fetch-kafka.sh: java not found (Java 17+ needed)" >&2; exit 1; }

# shellcheck source=maven-libs.sh
source "$here/maven-libs.sh"
maven_libs fetch-kafka.sh "$pom" "$version" "${KAFKA_CACHE_DIR:-$repo/.cache/kafka}/kafka-$version" "kafka_2.13-$version.jar"
