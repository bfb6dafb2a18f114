# Sourced by fetch-kafka.sh and fetch-mirror-maker.sh: resolve a POM's runtime jars from Maven Central into a cache
# directory once. Concurrent callers (parallel test files, two shells) are serialised by a lock, and a .complete
# marker is written only after the jars are in place, so an interrupted fetch is redone rather than half-used.
#
#   maven_libs <tool-name> <pom> <version> <target-dir> <jar-that-must-exist> [extra marker lines...]
#
# Prints <target-dir>/libs on stdout; progress goes to stderr.
maven_libs() {
  local tool="$1" pom="$2" version="$3" target="$4" required="$5"
  shift 5
  local libs="$target/libs" marker="$target/.complete"
  if [[ -f "$marker" ]]; then echo "$libs"; return 0; fi
  command -v mvn >/dev/null 2>&1 || { echo "$tool: mvn not found (apt-get install maven)" >&2; return 1; }
  mkdir -p "$target"
  exec 9>"$target/.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  if [[ -f "$marker" ]]; then echo "$libs"; return 0; fi
  local tmp="$target/libs.tmp.$$"
  rm -rf "$tmp"
  # shellcheck disable=SC2064 # expand now: $tmp is local and gone when the trap runs.
  trap "rm -rf '$tmp'" EXIT
  echo "$tool: resolving $(basename "$pom") $version from Maven Central..." >&2
  local start
  start=$(date +%s)
  mvn -B -q -Dstyle.color=never -f "$pom" -Dkafka.version="$version" \
    dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime >&2
  if [[ ! -f "$tmp/$required" ]]; then
    echo "$tool: $required missing after resolution" >&2
    return 1
  fi
  rm -rf "$libs"
  mv "$tmp" "$libs"
  trap - EXIT
  printf '%s\n' "version=$version" "pom=$(basename "$pom")" "fetched=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "seconds=$(( $(date +%s) - start ))" "jars=$(ls "$libs" | wc -l)" "$@" > "$marker"
  echo "$tool: $version ready in $(( $(date +%s) - start ))s: $libs ($(du -sh "$libs" | cut -f1))" >&2
  echo "$libs"
}
