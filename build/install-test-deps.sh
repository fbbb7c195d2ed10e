#!/usr/bin/env bash
# Installs the Debian packages listed in build/test-deps.txt that are not installed yet.
# A machine that already has them all never touches the network.
set -euo pipefail
list="${1:-$(dirname "$0")/test-deps.txt}"

missing=()
while read -r package; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")

if (( ${#missing[@]} == 0 )); then
    echo "test dependencies: all installed"
    exit 0
fi

echo "test dependencies: installing ${missing[*]}"
sudo=()
(( EUID == 0 )) || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
