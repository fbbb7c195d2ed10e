"""Python-like source text for the bench trees.

Real site-packages compress about 4-5x with gzip -6: identifiers repeat within a module and a package,
docstrings are English, indentation is regular. Random bytes would make every compressor look slow and
useless, and a single repeated file would make them look far too good; this generator sits in between:
a per-package vocabulary, statement templates and prose drawn from a Zipf-like word list.
"""

import random

VERBS = """get set load save parse render build check apply update create delete find resolve open close
read write send receive encode decode validate normalize compute merge split format wrap handle register
dispatch flush reset start stop acquire release iterate collect filter map reduce serialize""".split()

NOUNS = """user account session request response header body token cache entry record field value key
item node tree path file stream buffer chunk block frame packet message event handler callback config
option setting context state manager factory adapter backend client server connection pool query result
row column table schema index model view template route middleware policy worker queue job task""".split()

PROSE = """the a of to and in is that for it as with be on not this by are or from at an which you
return value if when must should can will may object instance given default none list string number
function method class module argument parameter raise error exception call used use new each other only
first last data time name type see also note example otherwise empty true false current original""".split()

BASES = "object Exception dict Mapping Protocol Generic ABC BaseModel Enum NamedTuple".split()
STDLIB = "os sys re io json time typing logging functools itertools collections pathlib dataclasses abc enum".split()


class Vocabulary:
    """Identifiers of one package: modules in a package share names, as real ones do."""

    def __init__(self, rng: random.Random, size: int = 120):
        self.functions = sorted({f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}" for _ in range(size)})
        self.classes = sorted({rng.choice(NOUNS).capitalize() + rng.choice(NOUNS).capitalize() for _ in range(size // 3)})
        self.names = sorted({rng.choice(NOUNS) + rng.choice(["", "s", "_id", "_name", "_count"]) for _ in range(size // 2)})


# Zipf's law: the n-th most common word is about 1/n as frequent as the first, as in English text.
_PROSE_WEIGHTS = [1.0 / (rank + 1) for rank in range(len(PROSE))]


def _zipf_word(rng: random.Random) -> str:
    return rng.choices(PROSE, weights=_PROSE_WEIGHTS)[0]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(_zipf_word(rng) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class ModuleWriter:
    """Writes one module of about `size` bytes."""

    def __init__(self, rng: random.Random, vocab: Vocabulary):
        self.rng = rng
        self.v = vocab
        self.lines: list[str] = []
        self.length = 0

    def emit(self, line: str) -> None:
        self.lines.append(line)
        self.length += len(line) + 1

    def module(self, size: int) -> str:
        rng, v = self.rng, self.v
        self.emit(f'"""{sentence(rng, rng.randint(6, 14))}')
        self.emit("")
        self.emit(sentence(rng, rng.randint(10, 30)))
        self.emit('"""')
        self.emit("from __future__ import annotations")
        self.emit("")
        for mod in sorted(rng.sample(STDLIB, rng.randint(2, 6))):
            self.emit(f"import {mod}")
        self.emit(f"from .{rng.choice(v.names)} import {', '.join(rng.sample(v.classes, min(3, len(v.classes))))}")
        self.emit("")
        self.emit(f"{rng.choice(v.names).upper()}_{rng.choice(NOUNS).upper()} = {rng.randint(0, 4096)}")
        while self.length < size:
            self.emit("")
            self.emit("")
            if rng.random() < 0.4:
                self.klass()
            else:
                self.function("")
        return "\n".join(self.lines) + "\n"

    def klass(self) -> None:
        rng, v = self.rng, self.v
        self.emit(f"class {rng.choice(v.classes)}({rng.choice(BASES)}):")
        self.emit(f'    """{sentence(rng, rng.randint(5, 16))}"""')
        for _ in range(rng.randint(1, 5)):
            self.emit("")
            self.function("    ", method=True)

    def function(self, indent: str, method: bool = False) -> None:
        rng, v = self.rng, self.v
        params = rng.sample(v.names, min(rng.randint(0, 4), len(v.names)))
        args = ", ".join((["self"] if method else []) + [f"{p}: {rng.choice(['int', 'str', 'bytes', 'dict', 'list', 'Any'])}" for p in params])
        self.emit(f"{indent}def {rng.choice(v.functions)}({args}) -> {rng.choice(['None', 'bool', 'str', 'int', 'dict[str, Any]'])}:")
        if rng.random() < 0.6:
            self.emit(f'{indent}    """{sentence(rng, rng.randint(4, 20))}"""')
        for _ in range(rng.randint(2, 12)):
            self.statement(indent + "    ", params)

    def statement(self, indent: str, params: list[str]) -> None:
        rng, v = self.rng, self.v
        name = rng.choice(params) if params and rng.random() < 0.5 else rng.choice(v.names)
        call = f"{rng.choice(v.functions)}({name}{', ' + repr(rng.choice(NOUNS)) if rng.random() < 0.3 else ''})"
        kind = rng.randrange(8)
        if kind == 0:
            self.emit(f"{indent}# {sentence(rng, rng.randint(4, 14))}")
        elif kind == 1:
            self.emit(f"{indent}if {name} is None:")
            self.emit(f"{indent}    raise ValueError(f\"{rng.choice(NOUNS)} {{{name}!r}} {_zipf_word(rng)} {_zipf_word(rng)}\")")
        elif kind == 2:
            self.emit(f"{indent}for {rng.choice(NOUNS)} in {name}:")
            self.emit(f"{indent}    {rng.choice(v.names)}.append({call})")
        elif kind == 3:
            self.emit(f"{indent}return {call}")
        elif kind == 4:
            self.emit(f"{indent}self.{name} = {call}")
        elif kind == 5:
            self.emit(f"{indent}{rng.choice(v.names)} = {{{repr(rng.choice(NOUNS))}: {name}, {repr(rng.choice(NOUNS))}: {rng.randint(0, 999)}}}")
        elif kind == 6:
            self.emit(f"{indent}logger.debug(\"{sentence(rng, rng.randint(3, 8))[:-1]} %s\", {name})")
        else:
            self.emit(f"{indent}{rng.choice(v.names)} = {call}")


def module_text(rng: random.Random, vocab: Vocabulary, size: int) -> bytes:
    """About `size` bytes (cut to exactly `size`) of Python-like source."""
    text = ModuleWriter(rng, vocab).module(size).encode()
    return text[:size]
