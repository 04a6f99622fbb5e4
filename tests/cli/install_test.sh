#!/usr/bin/env bash
# Installs articledb from the build tree into a temporary prefix, builds examples/consumer
# against it with find_package(articledb CONFIG), and runs it on a database of the examples.
set -euo pipefail
build=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/articledb/articledb.h"
test -x "$work/prefix/bin/articledb"
if grep -rq "sqlite3.h\|yaml-cpp\|unicode/" "$work/prefix/include/articledb"; then
  echo "a public header includes a dependency's header"; exit 1
fi

cmake -S "$root/examples/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null

for installed in share/man/man1/articledb.1 share/bash-completion/completions/articledb \
  share/zsh/site-functions/_articledb; do
  [ -s "$work/prefix/$installed" ] || { echo "not installed: $installed"; exit 1; }
done
"$work/prefix/bin/articledb" import --quiet --db "$work/examples.db" "$root/examples/articles" >/dev/null
output=$("$work/consumer/search_titles" "$work/examples.db" "open models")
echo "$output"
grep -q "2023-03-14T16:05:00Z  Open-weights language model released under Apache 2.0" <<<"$output"
# The README's first C++ example, built the same way and run on the examples.
mkdir -p "$work/readme"
awk '/^```cpp$/ { n++; if (n == 1) { inside = 1; next } } /^```$/ { inside = 0 } inside' \
  "$root/README.md" > "$work/readme/main.cc"
sed 's/search_titles/readme_example/g' "$root/examples/consumer/CMakeLists.txt" > "$work/readme/CMakeLists.txt"
cmake -S "$work/readme" -B "$work/readme/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/readme/build" >/dev/null
cp "$work/examples.db" "$work/readme/articles.db"
(cd "$work/readme" && ./build/readme_example) > "$work/readme/out"
grep -q "Kitchen robots learn from 10,000 hours of video" "$work/readme/out"
# Without a database it says so and exits with a status, instead of aborting.
status=0
(cd "$work/readme" && ./build/readme_example no-such.db) 2> "$work/readme/err" || status=$?
[ "$status" -eq 2 ] || { echo "the README's example exited $status without a database"; exit 1; }
grep -q "no database at" "$work/readme/err"
echo "installed package works; the README's example builds and runs"
