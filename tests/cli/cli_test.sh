#!/usr/bin/env bash
# End-to-end tests of the articledb tool: exit statuses, output, incremental runs.
set -uo pipefail
articledb=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err, checks the status.
expect() {
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  out=$(cat "$work/out"); err=$(cat "$work/err")
  [ "$got" -eq "$want" ] || fail "exit $got, wanted $want: $*"$'\n'"$out"$'\n'"$err"
}

contains() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }

valid_json() {
  printf '%s' "$1" > "$work/json"
  [ "$(sqlite3 :memory: "SELECT json_valid(readfile('$work/json'))")" = 1 ] || fail "invalid JSON: $1"
}

db="$work/a.db"
src="$work/src"
mkdir -p "$src"
cp -r "$root/examples/articles/." "$src/"

# Help and usage errors.
expect 0 "$articledb" --help
contains "$out" "import"
expect 0 "$articledb" import --help
contains "$out" "--prune"
expect 2 "$articledb"
expect 2 "$articledb" frobnicate
expect 2 "$articledb" import --db "$db"
expect 2 "$articledb" import --db "$db" "$work/no-such-folder"
contains "$err" "no-such-folder"
expect 2 "$articledb" stats --db "$work/none.db"
contains "$err" "no database"
[ -e "$work/none.db" ] && fail "stats created a database"

# A dry run creates nothing.
expect 0 "$articledb" import --dry-run --db "$db" "$src"
contains "$out" "dry run"
contains "$out" "added 12"
[ -e "$db" ] && fail "a dry run created the database"

# First import, then nothing to do.
expect 0 "$articledb" import --db "$db" "$src"
contains "$out" "added 12,"
expect 0 "$articledb" import --db "$db" "$src"
contains "$out" "unchanged 12,"

# JSON output.
expect 0 "$articledb" import --json --db "$db" "$src"
valid_json "$out"
contains "$out" '"unchanged": 12'
expect 0 "$articledb" stats --json --db "$db"
valid_json "$out"
contains "$out" '"articles": 12'
expect 0 "$articledb" stats --db "$db"
contains "$out" "articles_fts"
expect 0 "$articledb" check --db "$db"
contains "$out" "ok"

# A file name that is not UTF-8 still gives valid JSON.
odd="$src/caf"$'\xe9'".md"
printf -- '---\ntitle: odd name\n---\n' > "$odd"
expect 0 "$articledb" import --json --db "$db" "$src"
valid_json "$out"
contains "$out" '"added": 1'
rm "$odd"
expect 0 "$articledb" import --prune --quiet --db "$db" "$src"
contains "$out" "removed 1"

# A bad file: exit 1, named with line and column; the others stay.
printf -- '---\ntitle: ok\nheat: 1\ntitle: again\n---\n' > "$src/bad.md"
expect 1 "$articledb" import --db "$db" "$src"
contains "$err" "bad.md:4:1: error: invalid YAML in front matter: duplicate key 'title'"
contains "$out" "failed 1"
expect 1 "$articledb" import --db "$db" "$src"    # still bad, reported again
contains "$err" "bad.md:4:1"
rm "$src/bad.md"

# Warnings do not fail the run.
printf -- '---\ntitle: typed\nquality: high\n---\n' > "$src/warn.md"
expect 0 "$articledb" import --db "$db" "$src"
contains "$err" "warn.md:3:10: warning: quality"
expect 0 "$articledb" import --quiet --db "$db" "$src"

# Prune.
rm "$src/warn.md"
expect 0 "$articledb" import --db "$db" "$src"
contains "$err" "--prune"
expect 0 "$articledb" import --prune --db "$db" "$src"
contains "$out" "removed 1"
expect 0 "$articledb" check --db "$db"

# Queries.
expect 0 "$articledb" search --db "$db" open models
contains "$out" "Open-weights language model"
contains "$out" "[open]"
expect 0 "$articledb" search --json --facets --db "$db" "open models"
valid_json "$out"
contains "$out" '"facets"'
contains "$out" '"estimated": false'
# Facets of more matches than the sample holds are marked as estimates.
mkdir -p "$work/many"
for i in $(seq 1 3000); do
  printf -- '---\ntitle: "Item %d"\ntopics: [Topic %d]\n---\nA plentiful word.\n' "$i" $((i % 3)) \
    >"$work/many/m$i.md"
done
expect 0 "$articledb" import -q --db "$work/many.db" "$work/many"
expect 0 "$articledb" search --facets --db "$work/many.db" plentiful
contains "$out" "3,000 matching articles"
contains "$out" "Topic 1 (~"
contains "$out" "estimated from an even sample"
expect 0 "$articledb" search --json --facets --db "$work/many.db" plentiful
contains "$out" '"estimated": true'
contains "$out" '"total": 3000'
for q in 'C++' '"unbalanced' 'AND OR NOT' '*' '-' 'NEAR(' 'title:' '🙂' '人工知能' ''; do
  expect 0 "$articledb" search --json --db "$db" -- "$q"
  valid_json "$out"
done
expect 2 "$articledb" search --raw --db "$db" 'NEAR('
contains "$err" "invalid full-text query"
expect 0 "$articledb" search --raw --db "$db" 'title: robots'
contains "$out" "Kitchen robots"
expect 0 "$articledb" list --db "$db" --topic ai --sort newest
contains "$out" "Kitchen robots"
expect 0 "$articledb" list --json --db "$db" --limit 5
valid_json "$out"
next=$(grep -o '"next": "[0-9a-f]*"' <<<"$out" | cut -d'"' -f4)
[ -n "$next" ] || fail "list --limit 5 gave no next cursor"
expect 0 "$articledb" list --json --db "$db" --limit 5 --after "$next"
valid_json "$out"
expect 2 "$articledb" list --db "$db" --after nonsense
contains "$err" "invalid cursor"
expect 2 "$articledb" list --db "$db" --since yesterday
expect 0 "$articledb" show --db "$db" 1
contains "$out" "title"
expect 0 "$articledb" show --json --body --db "$db" _newsletters/ai-weekly-2024-01-12.html
valid_json "$out"
contains "$out" '"body_format": "html"'
expect 0 "$articledb" show --db "$db" "HTTPS://news.example.com/ai/open-weights-model?utm_source=x"
contains "$out" "Open-weights"
expect 1 "$articledb" show --db "$db" 999999
contains "$err" "no article"
expect 0 "$articledb" topics --db "$db"
contains "$out" "large-language-models"
expect 0 "$articledb" topics --json --db "$db"
valid_json "$out"
expect 0 "$articledb" providers --json --db "$db"
valid_json "$out"
contains "$out" '"domain": "news.example.com"'

# Hand damage is found by check.
sqlite3 "$db" "INSERT INTO articles_fts(rowid, title) VALUES (999999, 'ghost')"
expect 1 "$articledb" check --db "$db"
contains "$out" "1 full-text row without an article (id 999999)"
contains "$out" "1 fault found"
expect 1 "$articledb" check --json --db "$db"
valid_json "$out"
contains "$out" '"ok": false'

# A database from the future, and a file that is not a database.
sqlite3 "$work/future.db" "PRAGMA application_id = 1094992433; PRAGMA user_version = 99; CREATE TABLE t(x);"
expect 2 "$articledb" stats --db "$work/future.db"
contains "$err" "newer"
echo "not sqlite" > "$work/text.db"
expect 2 "$articledb" import --db "$work/text.db" "$src"

# $ARTICLEDB_DB is the default database.
ARTICLEDB_DB="$db" expect 0 "$articledb" stats
contains "$out" "$db"

# --- A new user's first hour: the command line where people put things.
# Options common to every command work before it, too.
expect 0 "$articledb" --db "$db" stats
contains "$out" "articles  12"
expect 0 "$articledb" --json --db "$db" stats
valid_json "$out"
# Search syntax unquoted: excluded words and a leading '-'.
expect 0 "$articledb" search --db "$db" open models -benchmarks
contains "$out" "Open-weights language model"
[[ "$out" == *"Benchmarks for small open models"* ]] && fail "-benchmarks did not exclude"
expect 0 "$articledb" search --db "$db" -AI --limit 5
expect 0 "$articledb" search -n 1 --db "$db" model
contains "$out" "id  published  title"
# Filters that match nothing say so, with what may have been meant.
expect 0 "$articledb" list --db "$db" --topic nonexistingtopic
contains "$out" "no articles match"
contains "$err" "no topic 'nonexistingtopic'"
expect 0 "$articledb" list --db "$db" --collection newz
contains "$err" "did you mean 'news'"
expect 0 "$articledb" list --db "$db" --provider nobody.example
contains "$err" "no provider 'nobody.example'"
# A provider by one word of its name; typos in words and options.
expect 0 "$articledb" list --db "$db" --provider robots
contains "$out" "Kitchen robots"
expect 0 "$articledb" search --db "$db" "provider:robots" kitchen
contains "$out" "Kitchen robots"
expect 0 "$articledb" search --db "$db" embedings
contains "$out" "did you mean embeddings"
expect 0 "$articledb" search --json --db "$db" embedings
valid_json "$out"
contains "$out" '"suggestions"'
expect 2 "$articledb" list --db "$db" --limt 3
contains "$err" "did you mean --limit"
expect 2 "$articledb" list --db "$db" --limit abc
contains "$err" "'abc' is not a whole number from 1 to 1,000"
expect 2 "$articledb" import --db "$db" --max-file-size 0 "$src"
contains "$err" "0 is not a whole number"
for command in import search list show topics providers changes duplicates export stats check; do
  expect 0 "$articledb" "$command" --help
  [[ "$out" =~ (UINT|INT|TEXT|FLOAT|POSITIVE) ]] && fail "$command --help shows the parser's type names: $out"
done
expect 0 "$articledb" import --help
contains "$out" "one per core"
# Database paths that cannot be.
expect 2 "$articledb" stats --db "$work"
contains "$err" "is a folder, not a database file"
expect 2 "$articledb" import --db "$work/no/such/dir/x.db" "$src"
contains "$err" "the folder '$work/no/such/dir' does not exist"
# JSON: absent values are null, errors are JSON too, no empty keys.
expect 0 "$articledb" show --json --body --db "$db" 2
contains "$out" '"body": null'
contains "$out" '"body_format": null'
expect 0 "$articledb" import --dry-run --json --db "$db" "$src"
contains "$out" '"run_id": null'
expect 2 "$articledb" stats --json --db "$work/none.db"
valid_json "$err"
contains "$err" '"exit":2'
expect 0 "$articledb" stats --json --db "$db"
[[ "$out" == *'"":'* ]] && fail "stats --json has an empty key: $out"
contains "$out" '"collection": "news"'
# Words that agree with their numbers.
mkdir -p "$work/one"
cp "$src/_news/2023-06-02-gpu-supply.md" "$work/one/"
expect 0 "$articledb" import --db "$work/one.db" "$work/one"
contains "$out" "(1 file)"
# Nothing left beside the database but the database.
[ -e "$db-import.lock" ] && fail "the import lock file stayed behind"
expect 0 "$articledb" list --db "$db"
[ -e "$db-wal" ] || [ -e "$db-shm" ] && fail "a read-only command left -wal/-shm files"
# Two names of one database share one import lock.
ln -s "$db" "$work/link.db"
expect 0 "$articledb" import --db "$work/link.db" "$src"
[ -e "$db-import.lock" ] && fail "the lock through a link stayed behind"
# A URL finds its article with or without a final '/'.
expect 0 "$articledb" show --db "$db" https://newsletter.example.com/ai-weekly/2024-01-12
contains "$out" "AI Weekly"
expect 0 "$articledb" show --db "$db" https://news.example.com/ai/open-weights-model/
contains "$out" "Open-weights language model"

# Shell completion and the man page come from the tool's own options: each lists every command
# and every option that --help shows.
expect 0 "$articledb" generate bash
printf '%s\n' "$out" > "$work/articledb.bash"
bash -n "$work/articledb.bash" || fail "the bash completion is not valid bash"
bash_completion=$out
expect 0 "$articledb" generate zsh
zsh_completion=$out
contains "$zsh_completion" "#compdef articledb"
expect 0 "$articledb" generate man
man_page=$out
contains "$man_page" ".TH ARTICLEDB 1"
if command -v groff >/dev/null; then
  warnings=$(printf '%s\n' "$man_page" | groff -man -Tutf8 -ww 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
fi
for command in import search list show topics providers changes duplicates export stats check; do
  contains "$bash_completion" "$command)"
  contains "$zsh_completion" "    $command)"
  contains "$man_page" ".SS \"$command"
  "$articledb" "$command" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$work/options"
  while read -r option; do
    contains "$bash_completion" "$option"
    contains "$zsh_completion" "'$option["
    contains "$man_page" "$(sed 's/-/\\-/g' <<<"$option")"
  done < "$work/options"
done
# Completing a command and an option in bash.
completed=$(bash -c 'source "$1"; COMP_WORDS=(articledb sea); COMP_CWORD=1; _articledb; echo "${COMPREPLY[*]}"' _ "$work/articledb.bash")
[ "$completed" = "search" ] || fail "bash completes 'sea' to '$completed'"
completed=$(bash -c 'source "$1"; COMP_WORDS=(articledb list --so); COMP_CWORD=2; _articledb; echo "${COMPREPLY[*]}"' _ "$work/articledb.bash")
[ "$completed" = "--sort" ] || fail "bash completes 'list --so' to '$completed'"

# Text from files never reaches the terminal as control sequences.
mkdir -p "$work/escapes"
printf -- '---\ntitle: "Evil \\e]0;pwned\\a title \\e[2J here"\nexcerpt: "x \\u009b31m y"\nprovider: {name: "Bad \\e[5m", domain: bad.example}\n---\nBody \\e[31m red\n' > "$work/escapes/evil.md"
expect 0 "$articledb" import --db "$work/escapes.db" "$work/escapes"
for command in "list" "show 1 --body" "search evil" "providers"; do
  # shellcheck disable=SC2086
  expect 0 "$articledb" $command --db "$work/escapes.db"
  contains "$out" $'\xef\xbf\xbd'"[5m"
  if printf '%s' "$out" | LC_ALL=C grep -q $'\x1b'; then fail "$command printed an escape sequence: $out"; fi
  if printf '%s' "$out" | LC_ALL=C grep -q $'\xc2\x9b'; then fail "$command printed a C1 control: $out"; fi
done
expect 0 "$articledb" show --json --db "$work/escapes.db" 1
valid_json "$out"
contains "$out" '\u001b]0;pwned'

# check: read-only files are checked without a false fault; an empty file is not a database;
# unused topics are a note, not a fault.
: > "$work/empty.db"
expect 2 "$articledb" check --db "$work/empty.db"
contains "$err" "empty file"
[ -s "$work/empty.db" ] && fail "check wrote into an empty file"
sqlite3 "$work/escapes.db" "INSERT INTO topics(name, key, slug) VALUES ('Lonely', 'lonely', 'lonely')"
expect 0 "$articledb" check --db "$work/escapes.db"
contains "$out" "note: 1 topic without an article"
# check never writes: the file is the same after it, and an older schema is refused with
# the way to migrate it, not migrated.
sqlite3 "$work/escapes.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(sha256sum < "$work/escapes.db")
expect 0 "$articledb" check --db "$work/escapes.db"
[ "$(sha256sum < "$work/escapes.db")" = "$before" ] || fail "check changed the database file"
cp "$work/escapes.db" "$work/older.db"
sqlite3 "$work/older.db" "PRAGMA user_version = 2"
before=$(sha256sum < "$work/older.db")
expect 2 "$articledb" check --db "$work/older.db"
contains "$err" "needs a schema migration"
[ "$(sha256sum < "$work/older.db")" = "$before" ] || fail "check migrated an older database"

# The change feed and duplicate stories: a copy of a story saved under another name.
feed_db="$work/feed.db"
expect 0 "$articledb" import -q --db "$feed_db" "$src"
expect 0 "$articledb" changes --db "$feed_db" --json
valid_json "$out"
revision=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["current_revision"])' <<<"$out")
[ "$revision" -gt 0 ] || fail "no revision after an import: $out"
expect 0 "$articledb" duplicates --db "$feed_db"
contains "$out" "0 stories saved more than once"
cp "$src/_news/2023-06-02-gpu-supply.md" "$src/_news/2023-06-03-gpu-supply-again.md"
expect 0 "$articledb" import -q --db "$feed_db" "$src"
expect 0 "$articledb" changes --db "$feed_db" --since "$revision"
contains "$out" "changed  "
contains "$out" "_news/2023-06-03-gpu-supply-again.md"
contains "$out" "1 change since revision $revision"
expect 0 "$articledb" duplicates --db "$feed_db"
contains "$out" "(2 copies)"
contains "$out" "_news/2023-06-02-gpu-supply.md"
contains "$out" "1 story saved more than once"
expect 0 "$articledb" duplicates --json --db "$feed_db"
valid_json "$out"
rm "$src/_news/2023-06-03-gpu-supply-again.md"
expect 0 "$articledb" import -q --prune --db "$feed_db" "$src"
expect 0 "$articledb" changes --db "$feed_db" --since "$revision" --json
contains "$out" '"change": "deleted"'
expect 2 "$articledb" changes --db "$feed_db" --since -1

# Export: JSON lines with every field, and files that import to the same articles.
expect 0 "$articledb" export --db "$feed_db"
[ "$(wc -l <<<"$out")" = "$(find "$src" -type f | wc -l)" ] || fail "export: one line per article expected: $out"
while IFS= read -r line; do valid_json "$line"; done <<<"$out"
contains "$out" '"body_format":"markdown"'
expect 0 "$articledb" export --db "$feed_db" --format frontmatter --out "$work/exported"
contains "$err" "exported 12 articles"
expect 0 "$articledb" import -q --db "$work/reimported.db" "$work/exported"
expect 0 "$articledb" export --db "$work/reimported.db"
# The articles of an export, without their ids, one sorted line each.
without_ids() {
  python3 -c 'import json, sys
for line in sys.stdin:
    a = json.loads(line)
    del a["id"]
    a["related"] = [{k: v for k, v in r.items() if k != "article_id"} for r in a["related"]]
    a["provider"] = a["provider"] and {k: v for k, v in a["provider"].items() if k != "id"}
    a["topics"] = [{k: v for k, v in t.items() if k != "id"} for t in a["topics"]]
    print(json.dumps(a, sort_keys=True))' | sort
}
second=$(without_ids <<<"$out")
expect 0 "$articledb" export --db "$feed_db"
first=$(without_ids <<<"$out")
[ "$first" = "$second" ] || fail "export, import, export: the articles differ: $(diff <(echo "$first") <(echo "$second") | head -5)"
expect 2 "$articledb" export --db "$feed_db" --format frontmatter

# A listing sorted by heat or quality shows that column; C++ is said to be searched as "c".
expect 0 "$articledb" list --db "$db" --sort heat --limit 3
[[ "$(head -1 <<<"$out")" == "id  heat "* ]] || fail "list --sort heat does not show heat: $out"
expect 0 "$articledb" list --db "$db" --sort quality --limit 3
[[ "$(head -1 <<<"$out")" == "id  quality "* ]] || fail "list --sort quality does not show quality: $out"
expect 0 "$articledb" search --db "$db" C++
contains "$err" "'C++' is searched without its symbols"

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "all CLI checks passed"
