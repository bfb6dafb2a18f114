#!/usr/bin/env bash
# Resolve MirrorMaker 2 (connect-mirror + connect-runtime, same version as the broker) from Maven Central.
#
#   test/cluster/fetch-mirror-maker.sh [version]     # default: 4.1.1
#
# Result: ${KAFKA_CACHE_DIR:-<repo>/.cache/kafka}/mirror-maker-<version>/libs/*.jar (+ a .complete marker).
# Prints the libs directory on stdout; progress on stderr. Idempotent and flock-serialised like fetch-kafka.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${1:-4.1.1}"
case "$version" in
  4.*) pom="$here/poms/mirror-maker-4.pom.xml" ;;
  *) echo "fetch-mirror-maker.sh: unsupported Kafka version '$version' (supported: 4.x)" >&2; exit 2 ;;
esac

cache="${KAFKA_CACHE_DIR:-$repo/.cache/kafka}"
target="$cache/mirror-maker-$version"
libs="$target/libs"
marker="$target/.complete"
if [[ -f "$marker" ]]; then echo "$libs"; exit 0; fi

command -v mvn >/dev/null 2>&1 || { echo "fetch-mirror-maker.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
mkdir -p "$target"
exec 9>"$target/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [[ -f "$marker" ]]; then echo "$libs"; exit 0; fi

tmp="$target/libs.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "fetch-mirror-maker.sh: resolving MirrorMaker 2 $version from Maven Central..." >&2
start=$(date +%s)
mvn -B -q -Dstyle.color=never -f "$pom" -Dkafka.version="$version" \
  dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >&2
if ! ls "$tmp"/connect-mirror-"$version".jar >/dev/null 2>&1; then
  echo "fetch-mirror-maker.sh: connect-mirror-$version.jar missing after resolution" >&2
  exit 1
fi
rm -rf "$libs"
mv "$tmp" "$libs"
trap - EXIT
printf '%s\n' "version=$version" "fetched=$(date -u +%Y-%m-%dT%H:%M:%SZ)" "jars=$(ls "$libs" | wc -l)" > "$marker"
echo "fetch-mirror-maker.sh: MirrorMaker 2 $version ready in $(( $(date +%s) - start ))s: $libs" >&2
echo "$libs"
