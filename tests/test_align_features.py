"""Per-sentence evidence: transliterated name keys, anchors, stems, bit sets, coarse units."""

from __future__ import annotations

import numpy as np
import pytest

from transcompare.align.features import (
    CENTRING_PRIOR,
    anchors,
    centred,
    common_direction,
    frequent_stems,
    name_key,
    normalise,
    pair_features,
    paragraph_starts,
    popcount,
    stems,
    transliterate,
)


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Хрущеву", "Khrushchev"),
        ("Кеннеди", "Kennedy"),
        ("Громыко", "Gromyko"),
        ("Кубы", "Cuba"),
        ("Хилленбранд", "Hillenbrand"),
        ("Томпсон", "Thompson"),
        ("Лаоса", "Laos"),
    ],
)
def test_names_meet_across_scripts(russian, english):
    assert name_key(russian) == name_key(english)


def test_transliterate():
    assert transliterate("Щука и ёж, café") == "shchuka i ezh, cafe"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("20/10/1962", {"20", "10", "1962"}),
        ("20.10.1962", {"20", "10", "1962"}),
        ("150,000 reservists", {"150000"}),
        ("2 hours and 20 minutes", {"2", "20"}),
        ("no numbers", set()),
    ],
)
def test_numbers(text, numbers):
    assert anchors(text)[1] == numbers


def test_marks_and_elisions_are_anchors():
    names, _ = anchors("«Why?» he asked.")
    assert {"\x00?", "\x00quote"} <= names
    assert "\x00gap" in anchors("/ ... /")[0]
    assert "\x00gap" not in anchors("He paused... and went on.")[0]


def test_stems_and_frequent_stems():
    assert stems("The Governments governed.") == {"the", "gover"}
    sets = [{"the", "cat"}, {"the", "dog"}, {"the", "owl"}, {"the", "fox"}, {"a", "cat"}]
    assert frequent_stems(sets) == {"the"}


def test_paragraph_starts():
    assert list(paragraph_starts([0, 0, 1, 1, 2], 5)) == [True, False, True, False, True]
    assert not paragraph_starts(None, 3).any()


def test_shared_words_are_counted_by_popcount():
    src, tgt = pair_features(["red green blue"], ["green blue yellow"])
    assert popcount(src.words & tgt.words)[0] == 2


def test_coarse_units_add_lengths_and_unite_bit_sets():
    src, _ = pair_features(["aa bb", "cc dd", "ee"], ["x"], [0, 1, 1], [0])
    vectors = normalise(np.eye(3, dtype=np.float32))
    coarse = src.with_vectors(vectors).coarsen(2)
    assert list(coarse.lengths) == [10.0, 2.0]
    assert popcount(coarse.words)[0] == 4
    assert np.allclose(coarse.vectors[0], [2**-0.5, 2**-0.5, 0])
    assert not coarse.para_start.any()
    assert src.slice(1, 3).has_paragraphs is False


def test_centring_takes_out_what_all_sentences_of_a_side_share() -> None:
    shared = np.array([1.0, 0.0, 0.0])
    own = np.array([[0.0, 1.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, -1.0]])
    side = normalise(np.repeat(shared[None, :] * 3 + own, 10, axis=0))
    before = float(side[0] @ side[10])
    after_side = centred(side, common_direction(side))
    assert before > 0.7  # unrelated sentences look alike through what they share
    assert float(after_side[0] @ after_side[10]) == pytest.approx(0.0, abs=0.05)
    assert np.allclose(np.linalg.norm(after_side, axis=1), 1.0)


def test_a_side_of_one_sentence_is_not_centred_on_itself() -> None:
    vector = normalise(np.array([[0.6, 0.8, 0.0]]))
    common = common_direction(vector)
    assert np.linalg.norm(common) == pytest.approx(1 / (1 + CENTRING_PRIOR))
    assert np.allclose(centred(vector, common), vector)
