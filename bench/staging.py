"""Inputs the distribution tools need, prepared once so that their timed runs are packaging only.

dpkg-deb wants the tree under its install path plus DEBIAN/control; rpmbuild wants a spec and a buildroot.
Both are hard-linked copies of the cached tree (cp -al: instant, no extra disk). Each inode still appears
once in each copy, so neither tool records hard links.
"""

import shutil
import subprocess
from pathlib import Path

from contenders import PACKAGE, RELEASE, VERSION

INSTALL_DIR = Path("opt") / PACKAGE

CONTROL = f"""Package: {PACKAGE}
Version: {VERSION}-{RELEASE}
Architecture: all
Maintainer: pkgify bench <bench@example.invalid>
Description: pkgify bench payload
"""

# The buildroot is prepared before rpmbuild runs: %install is empty, its preamble is reduced to
# %{___build_pre} (which does not remove the buildroot) on the command line, and every post-install step
# that would touch the files (brp-strip, brp-python-bytecompile, build-id links, debuginfo) is off, so the
# timed run is rpmbuild's file classification, digests, cpio and compression. No BuildArch: noarch, since
# rpmbuild refuses ELF files in a noarch package ("Arch dependent binaries in noarch package").
SPEC = f"""Name: {PACKAGE}
Version: {VERSION}
Release: {RELEASE}
Summary: pkgify bench payload
License: MIT
AutoReqProv: no
%global debug_package %{{nil}}
%global __os_install_post %{{nil}}
%global _build_id_links none

%description
pkgify bench payload

%install

%files
/{INSTALL_DIR}
"""


def _fresh_link_copy(tree: Path, root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    (root / INSTALL_DIR).parent.mkdir(parents=True)
    subprocess.run(["cp", "-al", str(tree), str(root / INSTALL_DIR)], check=True)


def _stale(marker: Path, tree_stamp: Path) -> bool:
    return not marker.exists() or marker.read_text() != tree_stamp.read_text()


def dpkg_stage(cache: Path, tree: Path, kind: str) -> Path:
    """cache/stage-<kind>-deb: DEBIAN/control and opt/benchpkg/ linked to the tree."""
    stage = cache / f"stage-{kind}-deb"
    marker, tree_stamp = cache / f"stage-{kind}-deb.stamp", cache / f"tree-{kind}.stamp"
    if _stale(marker, tree_stamp):
        _fresh_link_copy(tree, stage)
        (stage / "DEBIAN").mkdir()
        (stage / "DEBIAN" / "control").write_text(CONTROL)
        marker.write_text(tree_stamp.read_text())
    return stage


def rpm_setup(cache: Path, tree: Path, kind: str) -> tuple[Path, Path, Path]:
    """(spec, topdir, buildroot) for rpmbuild; the buildroot holds opt/benchpkg/ linked to the tree."""
    top = cache / f"rpm-{kind}"
    buildroot = top / "BUILDROOT" / "prebuilt"
    marker, tree_stamp = cache / f"rpm-{kind}.stamp", cache / f"tree-{kind}.stamp"
    if _stale(marker, tree_stamp):
        _fresh_link_copy(tree, buildroot)
        marker.write_text(tree_stamp.read_text())
    spec = top / f"{PACKAGE}.spec"
    spec.write_text(SPEC)
    return spec, top, buildroot
