#!/usr/bin/env bash
# Builds articledb and runs it on the bundled examples: imports examples/articles into
# build/examples.db, prints its statistics, checks it, searches it, and asks the stock sqlite3
# shell a question. Installs the Debian packages it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target articledb_cli

db=build/examples.db
rm -f "$db" "$db-wal" "$db-shm"
adb() { build/tools/articledb "$@"; }

echo "\$ articledb import --db $db examples/articles"
adb import --db "$db" examples/articles
echo
echo "\$ articledb import --db $db examples/articles   # again: nothing changed"
adb import --db "$db" examples/articles
echo
echo "\$ articledb stats --db $db"
adb stats --db "$db"
echo
echo "\$ articledb check --db $db"
adb check --db "$db"
echo
echo "\$ articledb search --db $db open models"
adb search --db "$db" open models
echo
echo "\$ sqlite3 $db  # the same in the stock shell, with snippet() and bm25()"
sqlite3 -header -column "$db" "
SELECT a.title,
       snippet(articles_fts, 1, '[', ']', '...', 10) AS excerpt,
       round(bm25(articles_fts, 10.0, 4.0, 1.0, 2.0, 2.0), 2) AS score
  FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
 WHERE articles_fts MATCH 'open models'
 ORDER BY score LIMIT 3;"
