"""The optional dictd dictionary: reading index and articles, and doing without them."""

from __future__ import annotations

import gzip

from transcompare.compare.dictionary import read_index, renderings

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

POLICY = """policy
   _I  [pɘlɪsɪ] _n.
      1) политика; peace policy политика мира, мирная политика
      2) линия поведения, курс
   _II [pɘlɪsɪ] _n.
      1) страховой полис
"""
PIRACY = """piracy
   [paɪɜrɜsɪ] _n.
   1) пиратство
   2) нарушение авторского права
"""


def _number(value: int) -> str:
    digits = ""
    while True:
        digits = _B64[value % 64] + digits
        value //= 64
        if not value:
            return digits


def write_dictionary(folder, articles):
    data = b""
    lines = []
    for headword, article in articles:
        encoded = article.encode()
        lines.append(f"{headword}\t{_number(len(data))}\t{_number(len(encoded))}")
        data += encoded
    (folder / "test.dict.dz").write_bytes(gzip.compress(data))
    (folder / "test.index").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_renderings_stop_at_the_first_english_example_and_skip_phrases():
    assert renderings(POLICY) == ["политика", "курс"]
    assert renderings(PIRACY) == ["пиратство"]


def test_index_maps_russian_words_to_headwords(tmp_path):
    write_dictionary(tmp_path, [("policy", POLICY), ("piracy", PIRACY)])
    index = read_index(tmp_path, "test")
    assert index["политика"] == frozenset({"policy"})
    assert index["пиратство"] == frozenset({"piracy"})


def test_missing_or_broken_files_give_an_empty_index(tmp_path):
    assert read_index(tmp_path, "absent") == {}
    (tmp_path / "broken.dict.dz").write_bytes(b"not gzip")
    (tmp_path / "broken.index").write_text("x\tA\tB\n", encoding="utf-8")
    assert read_index(tmp_path, "broken") == {}
