#!/usr/bin/env bash
# Imports killed with SIGKILL at random points, cold and incremental (topics and providers
# changing, files added and removed): after each kill `check` passes, and a re-run ends with
# exactly the content of an uninterrupted import (a canonical dump, ids aside), with search
# still ranking as bm25() does.
#   crash_test.sh ARTICLEDB MAKE_CORPUS [TRIALS]
set -uo pipefail
articledb=$1
make_corpus=$2
trials=${3:-26}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Everything an import writes that a reader can see (ids, times of import and row order
# aside), one line per article.
rows=$(dirname "$0")/article_rows.py
dump() { "$rows" "$1"; }
# Lines of a dump that no reference has: articles half written, or written wrong.
foreign() { grep '^article ' "$1" | sort | comm -23 - <(cat "${@:2}" | grep '^article ' | sort); }

# The library's top 20 for the commonest words has the scores of bm25() over every match.
ranking() {
  local db=$1 word got want
  for word in $(sqlite3 "$db" "SELECT term FROM search_terms ORDER BY df DESC, term LIMIT 3"); do
    got=$("$articledb" search --json --db "$db" -- "$word" |
      python3 -c 'import json,sys; print(" ".join("%.9g" % h["score"] for h in json.load(sys.stdin)["hits"]))')
    want=$(sqlite3 "$db" "SELECT printf('%.9g', bm25(articles_fts, 10, 4, 1, 2, 2)) AS s FROM articles_fts
                          WHERE articles_fts MATCH '\"$word\"' ORDER BY bm25(articles_fts, 10, 4, 1, 2, 2), rowid LIMIT 20" | tr '\n' ' ' | sed 's/ $//')
    [ "$got" = "$want" ] || { echo "ranking of '$word' differs: $got vs $want"; return 1; }
  done
}

# Version 1 of a site, and version 2: a third of the files with other topics and providers,
# some removed, some added.
"$make_corpus" --seed 5 "$work/v1" 3000 >/dev/null || exit 1
cp -r "$work/v1" "$work/v2"
"$make_corpus" --seed 6 "$work/more" 300 >/dev/null || exit 1
i=0
while IFS= read -r file; do
  i=$((i + 1))
  case $((i % 6)) in
    0) rm -f "$file" ;;
    1 | 2) sed -i -e 's/^  - Power Apps$/  - Crash Topic '"$((i % 7))"'/' \
         -e 's/^  name: "\(.*\)"$/  name: "\1 Renamed"/' -e 's/^  domain: \(.*\)$/  domain: r\1/' "$file" ;;
  esac
done < <(find "$work/v2" -type f | sort)
cp -r "$work/more/." "$work/v2/"

# The site is one folder, holding one version or the other (modification times kept).
site="$work/site"
use() { rm -rf "$site" && cp -a "$work/$1" "$site"; }
# The references: version 1 imported cold, and version 2 imported over it, uninterrupted.
use v1
"$articledb" import -q --db "$work/ref-v1.db" "$site" >/dev/null || exit 1
dump "$work/ref-v1.db" > "$work/ref-v1.dump"
use v2
sqlite3 "$work/ref-v1.db" ".backup '$work/ref-v2.db'"
"$articledb" import -q --prune --db "$work/ref-v2.db" "$site" >/dev/null || exit 1
dump "$work/ref-v2.db" > "$work/ref-v2.dump"
use v1
start=$(date +%s%N)
"$articledb" import -q --db "$work/timing.db" "$site" >/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))

kills=0
partial=0
for ((trial = 1; trial <= trials; trial++)); do
  db="$work/t$trial.db"
  if ((trial % 2)); then
    version=v1; mode=cold; references=("$work/ref-v1.dump")
  else
    version=v2; mode=incremental; references=("$work/ref-v1.dump" "$work/ref-v2.dump")
    sqlite3 "$work/ref-v1.db" ".backup '$db'"
  fi
  # Half the trials commit every 200 files, so that kills fall between committed batches.
  batch=()
  if (((trial / 2) % 2)); then batch=(--batch-size 200); mode="$mode, batches of 200"; fi
  use "$version"
  delay_ms=$(( (RANDOM * 7919 + trial * 104729) % (full_ms * 9 / 10 + 1) ))
  "$articledb" import -q --prune "${batch[@]}" --db "$db" "$site" >/dev/null 2>&1 &
  pid=$!
  if [ "$mode" = "cold, batches of 200" ]; then
    # Killed once a batch is committed (a slow host must not push every kill before it).
    for ((wait_ms = 0; wait_ms < 10000; wait_ms += 5)); do
      [ "$(sqlite3 "$db" "SELECT count(*) > 0 FROM articles" 2>/dev/null)" = 1 ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.005
    done
    delay_ms=$((delay_ms / 3))
  fi
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null
  if [ -e "$db" ]; then
    "$articledb" check --db "$db" > "$work/check" 2>&1 ||
      fail "trial $trial ($mode, killed after ${delay_ms} ms): check failed: $(cat "$work/check")"
    # Every article there is whole: as one version or the other imported it.
    dump "$db" > "$work/killed.dump"
    [ -z "$(foreign "$work/killed.dump" "${references[@]}")" ] ||
      fail "trial $trial ($mode, killed after ${delay_ms} ms): articles half written: $(foreign "$work/killed.dump" "${references[@]}" | head -c 300)"
    # The change feed holds no revision without its article, and gives each one once.
    feed=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM articles WHERE revision IS NULL
        OR revision > (SELECT revision FROM feed_state))
      + (SELECT count(*) FROM tombstones AS t JOIN articles AS a ON a.id = t.article_id
         WHERE a.revision < t.revision)
      + (SELECT count(*) - count(DISTINCT revision) FROM changes)" 2>&1)
    [ "$feed" = 0 ] || fail "trial $trial ($mode, killed after ${delay_ms} ms): change feed out of step ($feed)"
    if [ "$mode" = "cold, batches of 200" ]; then
      n=$(grep -c '^article ' "$work/killed.dump")
      if ((n > 0 && n < 3000)); then partial=$((partial + 1)); fi
    fi
  fi
  "$articledb" import -q --prune --db "$db" "$site" >/dev/null 2>&1 ||
    fail "trial $trial ($mode): the re-run failed"
  dump "$db" > "$work/t.dump"
  cmp -s "$work/t.dump" "$work/ref-$version.dump" ||
    fail "trial $trial ($mode, killed after ${delay_ms} ms): content differs from an uninterrupted import: $(diff "$work/t.dump" "$work/ref-$version.dump" | head -5)"
  "$articledb" check --db "$db" > "$work/check" 2>&1 ||
    fail "trial $trial ($mode): check failed after the re-run: $(cat "$work/check")"
  ranking "$db" || fail "trial $trial ($mode): search does not rank as bm25()"
  rm -f "$db" "$db"-*
done
# Kills in the first milliseconds, while the database file is being made: it is there
# whole (check passes) or not at all.
for ms in 0 1 2 3 5 8 12 20; do
  db="$work/early.db"
  "$articledb" import -q --db "$db" "$site" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -e "$db" ]; then
    "$articledb" check --db "$db" > "$work/check" 2>&1 ||
      fail "killed after $ms ms while making the database: check failed: $(cat "$work/check")"
  fi
  rm -f "$db" "$db"-* "$db".new-*
done

# Most trials must really have killed a running import.
[ "$kills" -ge $((trials * 2 / 3)) ] || fail "only $kills of $trials imports were killed while running"

# Some kills must have fallen between committed batches, leaving part of the articles.
[ "$partial" -ge 2 ] || fail "only $partial killed cold imports had committed part of their batches"

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "all $trials crash trials passed ($kills imports killed, $partial cold ones between batches; a full import takes ${full_ms} ms)"
