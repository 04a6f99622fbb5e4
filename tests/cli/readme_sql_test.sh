#!/usr/bin/env bash
# Runs every ```sql block of README.md, as written, in the stock sqlite3 shell against a
# database of examples/articles. Each must succeed and print something.
set -euo pipefail
articledb=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$articledb" import --quiet --db "$work/examples.db" "$root/examples/articles" >/dev/null

awk -v dir="$work" '
  /^```sql$/ { n++; file = sprintf("%s/query-%02d.sql", dir, n); inside = 1; next }
  /^```$/ && inside { inside = 0; close(file); next }
  inside { print > file }
' "$root/README.md"

count=0
for query in "$work"/query-*.sql; do
  [ -e "$query" ] || break
  count=$((count + 1))
  if ! output=$(sqlite3 -bail "$work/examples.db" < "$query" 2>&1); then
    echo "README query failed: $(basename "$query")"; cat "$query"; echo "$output"; exit 1
  fi
  if [ -z "$output" ] || grep -q '^Error' <<<"$output"; then
    echo "README query printed nothing or an error: $(basename "$query")"; cat "$query"
    echo "$output"; exit 1
  fi
done
if [ "$count" -lt 8 ]; then
  echo "README has $count SQL queries; expected at least 8"; exit 1
fi
# The queries the README promises: MATCH with snippet() and bm25(), topics, providers, extra.
for needle in "MATCH" "snippet(" "bm25(" "topic" "provider" "json_extract(extra"; do
  grep -q -- "$needle" "$work"/query-*.sql || { echo "no README query uses $needle"; exit 1; }
done
echo "ran $count README queries"
