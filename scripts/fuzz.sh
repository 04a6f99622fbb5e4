#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (in build-fuzz/) and runs each for SECONDS
# (default 15), seeded from examples/, tests/data and ../shared/corpus when it is there.
# A crash stops with exit 1 and leaves the input in build-fuzz/crashes/: make it a test
# named after what it found, then fix it. A long run: scripts/fuzz.sh 3600.
#   scripts/fuzz.sh [SECONDS [TARGET...]]     (targets: article markup query; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article markup query)
scripts/install-deps.sh
if ! command -v clang++ >/dev/null; then
  echo "scripts/fuzz.sh: clang++ is needed (apt-get install clang)" >&2
  exit 2
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DARTICLEDB_FUZZ=ON -DARTICLEDB_BUILD_TESTS=OFF -DARTICLEDB_BUILD_BENCHMARKS=OFF \
  -DARTICLEDB_BUILD_TOOLS=OFF -DARTICLEDB_INSTALL=OFF -DARTICLEDB_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_article fuzz_markup fuzz_query

# Seeds: article files for the parser and the body-text extractor, queries for the query target.
seeds=build-fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds/article" "$seeds/markup" "$seeds/query"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  { printf '\001'; cat "$file"; } > "$seeds/article/$n"  # as Markdown
  { printf '\000'; cat "$file"; } > "$seeds/markup/$n"   # as HTML
  [ "$n" -ge 400 ] && break
done < <(find examples tests/data ../shared/corpus -type f \
           \( -name '*.md' -o -name '*.html' -o -name '*.markdown' -o -name '*.txt' \) -print0 2>/dev/null)
cp tests/fuzz/seeds/query/* "$seeds/query/"

mkdir -p build-fuzz/crashes
status=0
for target in "${targets[@]}"; do
  echo "--- fuzz_$target, $seconds s"
  mkdir -p "build-fuzz/corpus-$target"
  if ! ASAN_OPTIONS=detect_leaks=0 "build-fuzz/tests/fuzz/fuzz_$target" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="build-fuzz/crashes/$target-" -print_final_stats=0 \
      "build-fuzz/corpus-$target" "$seeds/$target" 2>build-fuzz/fuzz-$target.log; then
    tail -40 "build-fuzz/fuzz-$target.log" >&2
    status=1
  fi
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "build-fuzz/fuzz-$target.log" | tail -1 || true
done
exit "$status"
