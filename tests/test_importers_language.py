"""Language detection from script, letters and function words; checking a tag the user gave."""

from __future__ import annotations

import pytest

from transcompare.errors import InputError
from transcompare.importers.language import check_language_tag, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Кеннеди поблагодарил Н. С. Хрущева за приветы.", "ru"),
        ("Москва", "ru"),
        ("Я не знаю, что будет дальше, но это очень опасно.", "ru"),
        ("Kennedy expressed his gratitude to N.S. Khrushchev for the regards.", "en"),
        ("The cat sat on the mat.", "en"),
        ("Київ є столицею України, і там гарно.", "uk"),
        ("Мінск — сталіца Беларусі, і ўсе гэта ведаюць.", "be"),
        ("България е държава в Югоизточна Европа и е член на ЕС.", "bg"),
        ("Београд је главни град Србије, и ђаци то знају.", "sr"),
        ("Der Hund ist groß und die Katze schläft.", "de"),
        ("Le chat est sur la table et le chien dort.", "fr"),
        ("El perro está en la casa y el gato duerme.", "es"),
        ("Il gatto è sul tavolo e il cane dorme.", "it"),
        ("O gato está na mesa e o cão não dorme.", "pt"),
        ("De kat zit op de mat en de hond slaapt.", "nl"),
        ("Kot jest na stole, a pies śpi.", "pl"),
        ("Ελληνικά κείμενα εδώ.", "el"),
        ("これは日本語の文です。", "ja"),
        ("这是中文句子。", "zh"),
        ("한국어 문장입니다.", "ko"),
        ("עברית כאן", "he"),
        ("Hello world", "und"),
        ("123 456 !", "und"),
        ("", "und"),
        ("ab", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_the_majority_script_decides_a_mixed_text() -> None:
    text = "Советское правительство (Soviet government) заявило об этом еще раз."
    assert detect_language(text) == "ru"


@pytest.mark.parametrize("tag", ["en", "ru", "pt-BR", "zh-Hant-TW"])
def test_a_language_tag_is_accepted(tag: str) -> None:
    check_language_tag(tag)


@pytest.mark.parametrize("tag", ["e", "en_GB", "12", "en gb", ""])
def test_a_bad_language_tag_names_the_file(tag: str) -> None:
    with pytest.raises(InputError) as caught:
        check_language_tag(tag, "a.txt")
    assert (caught.value.path, caught.value.problem) == (
        "a.txt",
        f"{tag!r} is not a language tag such as 'en' or 'ru'",
    )
