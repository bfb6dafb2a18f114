#!/usr/bin/env bash
# Resolve an Apache Kafka broker + CLI classpath from Maven Central into a local cache.
#
#   test/cluster/fetch-kafka.sh [version]      # default: $KAFKA_VERSION, else 4.1.1
#
# Aliases: "4" / "4.x" -> 4.1.1, "3.9" / "3.9.x" -> 3.9.1.
# Result:  ${KAFKA_CACHE_DIR:-<repo>/.cache/kafka}/kafka-<version>/libs/*.jar  (+ a .complete marker)
# Prints the libs directory on stdout; progress goes to stderr. Idempotent: a cached version is not
# fetched again (delete the kafka-<version> directory to force a refetch).
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

cache="${KAFKA_CACHE_DIR:-$repo/.cache/kafka}"
target="$cache/kafka-$version"
libs="$target/libs"
marker="$target/.complete"

if [[ -f "$marker" ]]; then
  echo "$libs"
  exit 0
fi

command -v mvn >/dev/null 2>&1 || { echo "fetch-kafka.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
command -v java >/dev/null 2>&1 || { echo "fetch-kafka.sh: java not found (Java 17+ needed)" >&2; exit 1; }

mkdir -p "$target"
# Serialise concurrent fetches of the same version (parallel test files, two shells).
exec 9>"$target/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [[ -f "$marker" ]]; then echo "$libs"; exit 0; fi

tmp="$target/libs.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "fetch-kafka.sh: resolving Kafka $version from Maven Central ($(basename "$pom"))..." >&2
start=$(date +%s)
mvn -B -q -Dstyle.color=never -f "$pom" -Dkafka.version="$version" \
  dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >&2
if ! ls "$tmp"/kafka_2.13-"$version".jar >/dev/null 2>&1; then
  echo "fetch-kafka.sh: kafka_2.13-$version.jar missing after resolution" >&2
  exit 1
fi
rm -rf "$libs"
mv "$tmp" "$libs"
trap - EXIT
printf '%s\n' "version=$version" "pom=$(basename "$pom")" "fetched=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  "seconds=$(( $(date +%s) - start ))" "jars=$(ls "$libs" | wc -l)" > "$marker"
echo "fetch-kafka.sh: Kafka $version ready in $(( $(date +%s) - start ))s: $libs ($(du -sh "$libs" | cut -f1))" >&2
echo "$libs"
