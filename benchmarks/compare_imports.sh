#!/usr/bin/env bash
# Times two builds of the articledb tool side by side, alternating, on the same files:
# a cold import of N synthetic articles, then an import after every folder was renamed (all
# moves). Prints one line per round and build; take medians across rounds.
#   benchmarks/compare_imports.sh OLD_ARTICLEDB NEW_ARTICLEDB [N] [ROUNDS]
set -euo pipefail
old=$1
new=$2
count=${3:-10000}
rounds=${4:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
make_articles=${MAKE_ARTICLES:-$here/build/benchmarks/articledb_make_articles}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/src
"$make_articles" "$src" "$count"

TIMEFORMAT=%R
for round in $(seq "$rounds"); do
  for name in old new; do
    bin=${!name}
    db=$work/$name.db
    rm -f "$db" "$db-wal" "$db-shm"
    cold=$({ time "$bin" import -q --db "$db" "$src" >/dev/null; } 2>&1)
    for d in "$src"/_news*; do mv "$d" "$d-moved"; done
    moved=$({ time "$bin" import -q --db "$db" "$src" >"$work/out"; } 2>&1)
    for d in "$src"/_news*-moved; do mv "$d" "${d%-moved}"; done
    echo "round $round $name: cold ${cold}s, after renaming ${moved}s ($(grep -o ' moved [0-9]*' "$work/out"))"
  done
done
