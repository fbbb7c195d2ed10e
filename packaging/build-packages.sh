#!/bin/bash
# Builds pkgify's own .deb and .rpm, with pkgify: a self-contained `dotnet publish` (the .NET runtime
# included, so targets need no .NET) staged under /opt/pkgify with /usr/bin/pkgify, the man page, bash
# completion, and the built-in templates and mapping table for reference, then packed by the pkgify just
# published (`pkgify pack STAGE --prefix /`), once per family because the dependency names differ.
#
# usage: packaging/build-packages.sh OUTPUT_DIR
# SOURCE_DATE_EPOCH defaults to the last commit's time, so a clean clone gives the same packages.
set -euo pipefail

out=${1:?usage: packaging/build-packages.sh OUTPUT_DIR}
repo=$(cd "$(dirname "$0")/.." && pwd)
dotnet=${DOTNET:-dotnet}
runtime=${RUNTIME:-linux-x64}
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/src/Pkgify.Cli/Pkgify.Cli.csproj")
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct)
fi
export SOURCE_DATE_EPOCH

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/stage
prefix=$stage/opt/pkgify

# ReadyToRun: pkgify's own assemblies and its libraries are compiled ahead of time like the runtime's, so a
# command starts without JIT-compiling its path first (a small `pkgify pack`: 0.16-0.25 s → 0.13-0.20 s here).
"$dotnet" publish "$repo/src/Pkgify.Cli" -c Release -r "$runtime" --self-contained true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:DebugSymbols=false -o "$prefix" -nologo
# Left out of the runtime: the LTTng tracing provider (needs liblttng-ust, loaded only when present), and
# the debugging parts (crash dump writer, debugger interfaces), which a command-line tool's users never
# attach to; none of them is needed to run.
rm -f "$prefix/libcoreclrtraceptprovider.so" "$prefix/createdump" "$prefix/libmscordbi.so" "$prefix/libmscordaccore.so"

install -d "$stage/usr/bin"
ln -s /opt/pkgify/pkgify "$stage/usr/bin/pkgify"
install -d "$stage/usr/share/man/man1"
# -n: no name or time in the gzip header, so the bytes depend on the text only (Policy §12.1: compressed).
gzip -9n -c "$repo/packaging/pkgify.1" > "$stage/usr/share/man/man1/pkgify.1.gz"
install -D -m 0644 "$repo/packaging/pkgify.bash-completion" "$stage/usr/share/bash-completion/completions/pkgify"
install -D -m 0644 "$repo/packaging/copyright" "$stage/usr/share/doc/pkgify/copyright"
# For reference (pkgify uses its compiled-in copies): the built-in templates to start an override from,
# and the external dependency mapping table.
cp -r "$repo/templates" "$stage/usr/share/doc/pkgify/templates"
install -m 0644 "$repo/data/dependency-mappings.yaml" "$stage/usr/share/doc/pkgify/dependency-mappings.yaml"

# Modes as a package wants them whatever the builder's umask: directories and programs 0755, the rest 0644.
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
chmod 0755 "$prefix/pkgify"

common=(pack "$stage" --prefix / --name pkgify --version "$version" --arch amd64 -o "$out"
    --summary "Ship Python web applications as native .deb and .rpm packages"
    --description "$(printf '%s\n' \
        "pkgify builds a Python web application, its pinned requirements and its" \
        "system dependencies into .deb and .rpm packages that install it under /opt" \
        "with a virtualenv, a systemd service and a system user, and publishes" \
        "signed apt and yum repositories.")"
    --maintainer "pkgify developers <dev@pkgify.invalid>" --license MIT --homepage https://pkgify.invalid/)
# The runtime's own needs (glibc, libstdc++, OpenSSL for cryptography) and the compression libraries pkgify
# loads (liblzma, libzstd, zlib).
"$prefix/pkgify" "${common[@]}" -f deb \
    --depends libc6 --depends libgcc-s1 --depends libstdc++6 --depends libssl3 \
    --depends zlib1g --depends liblzma5 --depends libzstd1
# RPM: by soname, as rpm's own dependency generator would write them (the runtime dlopens libssl, so no
# generator could find that one).
"$prefix/pkgify" "${common[@]}" -f rpm \
    --depends 'libc.so.6()(64bit)' --depends 'libgcc_s.so.1()(64bit)' --depends 'libstdc++.so.6()(64bit)' \
    --depends 'libssl.so.3()(64bit)' --depends 'libz.so.1()(64bit)' --depends 'liblzma.so.5()(64bit)' \
    --depends 'libzstd.so.1()(64bit)'
