#!/usr/bin/env bash
# Builds articledb from scratch and runs every test: first a normal build (RelWithDebInfo),
# then the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer.
# Installs the Debian packages it needs first. Set ARTICLEDB_SKIP_SANITIZERS=1 to skip the
# second build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${ARTICLEDB_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DARTICLEDB_SANITIZE=ON \
    -DARTICLEDB_BUILD_BENCHMARKS=OFF
  cmake --build build-asan -j "$jobs"
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
echo "all tests passed"
