#!/usr/bin/env bash
# A disk that fills up in the middle of an import, cold and incremental: a clear error and
# exit 2, the database as it was at its last committed batch (every article in it whole),
# `check` passing, and the next run completing once there is space again. Then the same disk
# read-only: a clear error before any work, and readers still reading.
# Mounts a small tmpfs, so it needs root (or CAP_SYS_ADMIN); it skips (exit 77) without.
#   full_disk_test.sh ARTICLEDB MAKE_CORPUS
set -uo pipefail
articledb=$1
make_corpus=$2
rows=$(dirname "$0")/article_rows.py
work=$(mktemp -d)
disk="$work/disk"
mkdir "$disk"
if ! mount -t tmpfs -o size=6m tmpfs "$disk" 2>/dev/null; then
  rm -rf "$work"
  if [ -n "${ARTICLEDB_REQUIRE_FULL_DISK_TEST:-}" ]; then
    echo "FAIL: cannot mount a small file system here, and ARTICLEDB_REQUIRE_FULL_DISK_TEST is set"
    exit 1
  fi
  echo "SKIP: cannot mount a small file system here (needs root)"
  exit 77
fi
trap 'umount "$disk" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
articles() { sqlite3 "$1" "SELECT count(*) FROM articles"; }
# Lines of a dump that no reference has: articles half written, or written wrong.
foreign() { grep '^article ' "$1" | sort | comm -23 - <(cat "${@:2}" | grep '^article ' | sort); }

# The site is one folder, holding one version or the other (modification times kept).
site="$work/site"
use() { rm -rf "$site" && cp -a "$work/$1" "$site"; }
# Two versions of a site: v2 has a third of the files with other titles and topics.
"$make_corpus" --seed 11 "$work/v1" 3000 >/dev/null || exit 1
cp -r "$work/v1" "$work/v2"
i=0
while IFS= read -r file; do
  i=$((i + 1))
  ((i % 3)) || sed -i -e 's/^title: "\(.*\)"$/title: "\1 (v2)"/' \
    -e 's/^  - Power Apps$/  - Disk Topic '"$((i % 5))"'/' "$file"
done < <(find "$work/v2" -type f | sort)
for version in v1 v2; do
  use "$version"
  "$articledb" import -q --db "$work/ref-$version.db" "$site" >/dev/null || exit 1
  "$rows" "$work/ref-$version.db" > "$work/ref-$version.rows"
done
cmp -s "$work/ref-v1.rows" "$work/ref-v2.rows" && { echo "FAIL: v2 is no different"; exit 1; }

db="$disk/a.db"
# Cold: the disk fills during the import.
use v1
"$articledb" import -q --batch-size 250 --db "$db" "$site" > "$work/out" 2> "$work/err"
status=$?
[ "$status" = 2 ] || fail "cold import on a full disk exited $status, not 2"
grep -q "no space is left" "$work/err" || fail "cold: no clear error: $(cat "$work/err")"
"$articledb" check --db "$db" > "$work/check" 2>&1 || fail "cold: check failed: $(cat "$work/check")"
kept=$(articles "$db")
{ [ "$kept" -gt 0 ] && [ "$kept" -lt 3000 ]; } ||
  fail "cold: $kept articles kept; the disk should have filled midway"
"$rows" "$db" > "$work/a.rows"
[ -z "$(foreign "$work/a.rows" "$work/ref-v1.rows")" ] ||
  fail "cold: articles not as imported: $(foreign "$work/a.rows" "$work/ref-v1.rows" | head -c 300)"
# Space again: the next run completes.
mount -o remount,size=64m "$disk" || exit 1
"$articledb" import -q --db "$db" "$site" > "$work/out" 2>&1 || fail "cold: re-run failed: $(cat "$work/out")"
"$rows" "$db" > "$work/a.rows"
cmp -s "$work/a.rows" "$work/ref-v1.rows" || fail "cold: content differs from an uninterrupted import"
# The run the full disk stopped is marked failed (by itself, or by the next run).
[ "$(sqlite3 "$db" "SELECT status FROM import_runs WHERE id = 1")" = failed ] ||
  fail "cold: the stopped run is not marked failed"

# Incremental: the disk is filled up to a little room, then v2 is imported over v1.
use v2
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null
truncate -s -4M "$disk/filler"  # room for some batches of edits, not all (3-4 MiB: 750 of 1000)
"$articledb" import -q --batch-size 250 --db "$db" "$site" > "$work/out" 2> "$work/err"
status=$?
[ "$status" = 2 ] || fail "incremental import on a full disk exited $status, not 2"
grep -q "no space is left" "$work/err" || fail "incremental: no clear error: $(cat "$work/err")"
"$articledb" check --db "$db" > "$work/check" 2>&1 || fail "incremental: check failed: $(cat "$work/check")"
"$rows" "$db" > "$work/a.rows"
[ -z "$(foreign "$work/a.rows" "$work/ref-v1.rows" "$work/ref-v2.rows")" ] ||
  fail "incremental: articles half written: $(foreign "$work/a.rows" "$work/ref-v1.rows" "$work/ref-v2.rows" | head -c 300)"
[ "$(articles "$db")" = 3000 ] || fail "incremental: $(articles "$db") articles, not 3000"
new=$(grep -c '(v2)' "$work/a.rows")
{ [ "$new" -gt 0 ] && [ "$new" -lt 1000 ]; } || fail "incremental: $new of 1000 edits written; the disk should have filled midway"
rm "$disk/filler"
"$articledb" import -q --db "$db" "$site" > "$work/out" 2>&1 || fail "incremental: re-run failed: $(cat "$work/out")"
"$rows" "$db" > "$work/a.rows"
cmp -s "$work/a.rows" "$work/ref-v2.rows" || fail "incremental: content differs from an uninterrupted import"
"$articledb" check --db "$db" > "$work/check" 2>&1 || fail "check failed at the end: $(cat "$work/check")"

# Read-only: an import says so before any work; readers read.
mount -o remount,ro "$disk" || exit 1
"$articledb" import --db "$db" "$site" > "$work/out" 2> "$work/err"
status=$?
[ "$status" = 2 ] || fail "import into a read-only folder exited $status, not 2"
grep -qi "read-only\|cannot be written" "$work/err" || fail "read-only: no clear error: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "read-only: the import reported work: $(cat "$work/out")"
"$articledb" list --db "$db" --limit 1 > "$work/out" 2>&1 || fail "read-only: list failed: $(cat "$work/out")"
"$articledb" check --db "$db" > "$work/check" 2>&1 || fail "read-only: check failed: $(cat "$work/check")"

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "full disk: $kept of 3000 articles kept cold, $new of 1000 edits kept incrementally; all checks passed"
