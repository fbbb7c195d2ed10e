"""ELF-ish shared-object bytes for the bench trees.

A real .so is a mix: machine code (skewed byte distribution, recurring instruction sequences), string and
symbol tables (text), relocation/data sections (mostly zeros and pointers) and sometimes embedded
compressed resources (incompressible). Compressors run at very different speeds on each part, so the mix,
not its exact bytes, is what makes the bench honest. Proportions follow a typical C extension module
(readelf -S of numpy/pydantic-core builds, rounded).
"""

import random
import struct

# Share of each section kind in a file; they sum to 1.
TEXT, RODATA, DATA, SYMTAB, ENTROPY = 0.55, 0.15, 0.10, 0.10, 0.10

ELF_HEADER = (b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
              + struct.pack("<HHIQQQIHHHHHH", 3, 0x3E, 1, 0x1000, 64, 0, 0, 64, 56, 9, 64, 30, 29))

# x86-64 opcode bytes seen most in compiled code (REX.W, mov, lea, call, jmp, push/pop, ModRM values).
# Weight of the hottest byte relative to a cold one; tuned so the mix compresses like libpython/libcrypto.
HOT_WEIGHT = 400.0
HOT_BYTES = [0x00, 0x48, 0x89, 0x8B, 0xE8, 0xFF, 0x0F, 0x83, 0x85, 0x74, 0x75, 0xC3, 0x41, 0x4C, 0x8D,
             0x45, 0x24, 0x44, 0x01, 0xC0, 0x31, 0xEB, 0x39, 0x84, 0x66, 0x90, 0x5D, 0x53, 0x55, 0xF8]


NEARBY = 32 * 1024


def _code_pool(rng: random.Random, size: int) -> bytes:
    weights = [1.0] * 256
    for rank, b in enumerate(HOT_BYTES):
        weights[b] = HOT_WEIGHT / (rank + 1)
    return bytes(rng.choices(range(256), weights=weights, k=size))


def _code(rng: random.Random, size: int) -> bytearray:
    """Functions are variations of recurring sequences: slices of a pool with relocated operands."""
    pool = _code_pool(rng, 1 << 20)
    out = bytearray()
    while len(out) < size:
        # Nearby code repeats most (inlined helpers, same prologues): half the pieces come from the last 32 KiB.
        source = out[-NEARBY:] if len(out) > NEARBY and rng.random() < 0.5 else pool
        start = rng.randrange(len(source) - 512)
        piece = bytearray(source[start:start + rng.randint(24, 400)])
        for _ in range(len(piece) // 24):
            piece[rng.randrange(len(piece))] = rng.randrange(256)
        out += piece
    return out[:size]


def _rodata(rng: random.Random, size: int) -> bytearray:
    words = ["PyInit", "Py_", "_ZN", "std", "alloc", "error", "%s", "%d", "invalid", "argument", "buffer",
             "object", "type", "module", "cython", "vector", "string", "size", "index", "out of range"]
    out = bytearray()
    while len(out) < size:
        out += "_".join(rng.choice(words) for _ in range(rng.randint(1, 5))).encode() + b"\0"
    return out[:size]


def _data(rng: random.Random, size: int) -> bytearray:
    out = bytearray(size)
    base = 0x7F0000000000
    for off in range(0, size - 8, 8):
        if rng.random() < 0.25:
            struct.pack_into("<Q", out, off, base + rng.randrange(1 << 24))
    return out


def _symtab(rng: random.Random, size: int) -> bytearray:
    out = bytearray()
    name, addr = 1, 0x1000
    while len(out) < size:
        name += rng.randint(6, 40)
        addr += rng.randint(16, 4096)
        out += struct.pack("<IBBHQQ", name, 0x12, 0, 12, addr, rng.randint(8, 2048))
    return out[:size]


def so_bytes(rng: random.Random, size: int) -> bytes:
    """`size` bytes shaped like a stripped x86-64 shared object."""
    parts = [bytearray(ELF_HEADER)]
    for fraction, make in ((TEXT, _code), (RODATA, _rodata), (DATA, _data), (SYMTAB, _symtab)):
        parts.append(make(rng, int(size * fraction)))
    used = sum(len(p) for p in parts)
    parts.append(bytearray(rng.randbytes(max(0, size - used))))
    return bytes(b"".join(parts)[:size])
