"""Decoding files: byte-order marks, UTF-16 without one, UTF-8, the Russian code pages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from transcompare.errors import InputError
from transcompare.importers.encoding import decode, normalise, russian_score

PATH = Path("sample.txt")

SHORT_RUSSIAN = [
    "Привет, мир!",
    "Да.",
    "Москва",
    "Громыко",
    "ТАСС",
    "США",
    "мир",
    "в",
    "СРОЧНО. СЕКРЕТНО.",
    "А. ГРОМЫКО",
    "Кеннеди поблагодарил Н. С. Хрущева за приветы.",
]
LONG_RUSSIAN = (
    "Далее я сказал, что хотел бы рассказать о политике Советского правительства по ряду "
    "важных вопросов. Советское правительство выступает за мирное сосуществование государств "
    "с различным социальным строем, против вмешательства одного государства во внутренние "
    "дела других. Съешь же ещё этих мягких французских булок, да выпей чаю.\r\n"
    "ИЗ ТЕЛЕГРАММЫ О БЕСЕДЕ А. А. ГРОМЫКО С ПРЕЗИДЕНТОМ КЕННЕДИ\r\n"
)


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("text", [*SHORT_RUSSIAN, LONG_RUSSIAN])
def test_russian_code_pages_are_told_apart(text: str, codec: str) -> None:
    assert decode(text.encode(codec), PATH) == (normalise(text), codec)


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (codecs.BOM_UTF8 + "Привет, мир".encode(), "utf-8-sig"),
        ("Привет, мир".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Привет, мир".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Привет, мир".encode("utf-16-be"), "utf-16-be"),
        ("Привет, мир".encode("utf-16-le"), "utf-16-le"),
        ("Привет, мир".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "Привет, мир".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_are_detected(data: bytes, codec: str) -> None:
    assert decode(data, PATH) == ("Привет, мир", codec)


def test_western_code_page_falls_back_to_a_general_detector() -> None:
    assert decode("Müller über Größe".encode("cp1252"), PATH)[0] == "Müller über Größe"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),
        ("\ufefftext", "text"),
        ("  tabs\tand  spaces  ", "  tabs\tand  spaces  "),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_forced_encoding_wins_over_detection() -> None:
    data = "Привет".encode("koi8-r")
    assert decode(data, PATH, encoding="koi8_r") == ("Привет", "koi8_r")
    assert decode(data, PATH, encoding="cp1251")[0] == data.decode("cp1251")


def test_forced_utf8_drops_a_byte_order_mark() -> None:
    assert decode(codecs.BOM_UTF8 + b"text", PATH, encoding="utf-8") == ("text", "utf-8")


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (
            "Привет".encode("cp1251"),
            "utf-8",
            "cannot be decoded as utf-8 (invalid byte at position 0)",
        ),
        (b"text", "no-such-encoding", "unknown encoding 'no-such-encoding'"),
        (b"\x00\x00\x01\x02binary\xff", None, "contains NUL bytes"),
        (b"\x00\x01\x02\x03binary\x00\xff", None, "contains control characters"),
        (bytes(range(1, 32)) * 20, None, "looks like a binary file"),
        (bytes(range(1, 32)) * 20, "latin-1", "looks like a binary file"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", None, "looks like utf-16-le but has an invalid byte"),
    ],
)
def test_undecodable_input_is_refused(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError, match="sample.txt") as caught:
        decode(data, PATH, encoding)
    assert message in caught.value.problem


@pytest.mark.parametrize(
    ("text", "better_than"),
    [
        ("Привет, мир!", "рТЙЧЕФ, НЙТ!"),  # wrong case inside words
        ("кошка", "ЙПЫЛБ"),  # rare letters
        ("Київ є столицею", "йХ©Б ╨ ЯРНКХЖЕЧ"),  # symbols from koi8-r's upper half
    ],
)
def test_russian_score_prefers_the_right_decoding(text: str, better_than: str) -> None:
    assert russian_score(text) > russian_score(better_than)


def test_russian_score_needs_cyrillic_letters() -> None:
    assert russian_score("plain ASCII") is None
