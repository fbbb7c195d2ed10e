#!/usr/bin/env bash
# Builds the solution, then runs each test project in turn (never two at once: the
# install tests copy and chroot into a ~200 MB Debian root, and the machine has 2 cores),
# and ends with the summed `N passed, N failed` line.
set -uo pipefail
cd "$(dirname "$0")/.."
results="${TEST_RESULTS:-TestResults}"
configuration="${CONFIGURATION:-Release}"
# A hung test must not eat CI's time budget: the test host is killed and the project fails.
hang_timeout="${TEST_HANG_TIMEOUT:-20m}"

rm -rf "$results"
mkdir -p "$results"

build_status=0
dotnet build Pkgify.sln -c "$configuration" -nologo || build_status=$?

outcomes=()
for project in tests/*.Tests/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    echo "=== $name"
    # Not --no-build: if the solution build failed, each project still builds (or fails) on its own.
    dotnet test "$project" -c "$configuration" -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
        --results-directory "$results" \
        --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none
    outcomes+=("$name=$?")
done

python3 build/test-summary.py "$results" "build=$build_status" "${outcomes[@]}" | tee "$results/summary.txt"
exit "${PIPESTATUS[0]}"
