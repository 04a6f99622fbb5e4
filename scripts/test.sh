#!/usr/bin/env bash
# Builds articledb from scratch and runs every test: first a normal build (RelWithDebInfo, in
# build-test/), then the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer
# (in build-asan/). Both folders are removed first, so nothing of an earlier build is reused.
# Installs the Debian packages it needs first. Warnings are errors here (not in a user's own
# build). Set ARTICLEDB_SKIP_SANITIZERS=1 to skip the second build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

jobs=$(nproc)
rm -rf build-test build-asan
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARTICLEDB_WERROR=ON
cmake --build build-test -j "$jobs"
ctest --test-dir build-test --output-on-failure -j "$jobs"

if [ "${ARTICLEDB_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DARTICLEDB_SANITIZE=ON \
    -DARTICLEDB_BUILD_BENCHMARKS=OFF -DARTICLEDB_WERROR=ON
  cmake --build build-asan -j "$jobs"
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
echo "all tests passed"
