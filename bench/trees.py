"""The bench's input trees, built once and cached.

realistic: a site-packages-like tree, many small .py files and a few large .so-like binaries (>= 300 MB).
big: 2 GiB in 100,000 files, cheap to make (repetitive text plus sparse files), for the peak-RSS step.

Each tree is built in a temp directory and renamed into place with a stamp naming its recipe version,
so an interrupted build is never mistaken for a cached one.
"""

import os
import random
import shutil
from pathlib import Path

from elfish import so_bytes
from pytext import Vocabulary, module_text

# Bump when a recipe changes: cached trees with an older stamp are rebuilt.
RECIPE_VERSION = "1"
FIXED_MTIME = 1_700_000_000
KiB, MiB = 1024, 1024 * 1024

REALISTIC_PY_FILES = 12_000
REALISTIC_PACKAGES = 120
REALISTIC_SO_MIB = [5, 7, 9, 12, 15, 20, 24, 30, 40, 60]

BIG_FILES = 100_000
BIG_DIRS = 1_000
BIG_SPARSE_FILES = 2
BIG_SPARSE_SIZE = 256 * MiB
BIG_TARGET = 2 * 1024 * MiB


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    # Small modules are far more common than large ones, as in a real site-packages.
    return int(low * (high / low) ** rng.random())


def _write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, mode)


def _normalize(root: Path) -> None:
    """Same modes and mtimes for every run, so the packages' bytes depend only on the content."""
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            os.utime(os.path.join(dirpath, name), (FIXED_MTIME, FIXED_MTIME), follow_symlinks=False)
        os.chmod(dirpath, 0o755)
        os.utime(dirpath, (FIXED_MTIME, FIXED_MTIME))


def build_realistic(root: Path) -> None:
    rng = random.Random(20240901)
    site = root / "lib" / "python3.11" / "site-packages"
    per_package = REALISTIC_PY_FILES // REALISTIC_PACKAGES
    for p in range(REALISTIC_PACKAGES):
        vocab = Vocabulary(rng)
        package = site / f"pkg{p:03d}_{vocab.names[0]}"
        for i in range(per_package):
            sub = package / (f"sub{i % 7}" if i % 3 else "")
            _write(sub / f"{vocab.functions[i % len(vocab.functions)]}_{i}.py", module_text(rng, vocab, _log_uniform(rng, KiB, 30 * KiB)))
    for i, mib in enumerate(REALISTIC_SO_MIB):
        name = f"pkg{i * 11:03d}_native.cpython-311-x86_64-linux-gnu.so"
        _write(site / "_native" / name, so_bytes(rng, mib * MiB), 0o755)
    _normalize(root)


def build_big(root: Path) -> None:
    rng = random.Random(20240902)
    pool = module_text(rng, Vocabulary(rng), 256 * KiB)
    sparse_total = BIG_SPARSE_FILES * BIG_SPARSE_SIZE
    per_file = (BIG_TARGET - sparse_total) // BIG_FILES
    for i in range(BIG_FILES):
        size = rng.randint(per_file // 2, per_file * 3 // 2)
        start = rng.randrange(len(pool) - size)
        _write(root / f"d{i % BIG_DIRS:04d}" / f"m{i:06d}.py", b"# %d\n" % i + pool[start:start + size])
    for i in range(BIG_SPARSE_FILES):
        path = root / "sparse" / f"blob{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.truncate(BIG_SPARSE_SIZE)
    _normalize(root)


BUILDERS = {"realistic": build_realistic, "big": build_big}


def ensure(cache: Path, kind: str) -> Path:
    """The cached tree of `kind`, built first if missing or stale."""
    root = cache / f"tree-{kind}"
    stamp = cache / f"tree-{kind}.stamp"
    if root.is_dir() and stamp.exists() and stamp.read_text() == RECIPE_VERSION:
        return root
    print(f"bench: building the {kind} tree in {root} (once; cached)", flush=True)
    temp = cache / f"tree-{kind}.tmp"
    for stale in (temp, root):
        shutil.rmtree(stale, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    BUILDERS[kind](temp)
    temp.rename(root)
    stamp.write_text(RECIPE_VERSION)
    return root


def tree_stats(root: Path) -> tuple[int, int]:
    """(regular files, apparent bytes)."""
    files = size = 0
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size
