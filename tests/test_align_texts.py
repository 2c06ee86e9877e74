"""align_texts on tiny constructed texts: bead shapes, coverage, fixed beads, languages the
embedding does not cover, confidence. These run without the embedding model (one language is
aligned on word overlap; uncovered languages on length and anchors)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcompare.align import AlignConfig, align_texts
from transcompare.align.beads import covers
from transcompare.progress import Progress, run

SENTENCES = [
    "The minister arrived in Paris on Monday morning.",
    "Farmers complained about the dry summer weather.",
    "A new bridge across the river opened yesterday.",
    "Children painted colourful pictures of wild animals.",
    "The orchestra rehearsed a difficult symphony for hours.",
    "Engineers tested the prototype engine in the desert.",
    "Local bakers sold bread with honey and walnuts.",
]


WORDS_ONLY = AlignConfig(use_embeddings=False)


def align(src, tgt, src_lang="en", tgt_lang="en", config=None, **options):
    return run(align_texts(src, tgt, src_lang, tgt_lang, config or AlignConfig(), **options))


def joined(first: str, second: str) -> str:
    return first.rstrip(".") + ", and " + second[0].lower() + second[1:]


S = SENTENCES


@pytest.mark.parametrize(
    ("tgt", "expected"),
    [
        (
            [S[0], joined(S[1], S[2]), S[3], S[4]],
            [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), (3,))],
        ),
        (
            [S[0], S[2], S[3], S[4]],
            [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))],
        ),
        (
            [S[0], S[1], "Nobody expected the sudden storm.", S[2], S[3], S[4]],
            [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,))],
        ),
    ],
    ids=["2:1", "1:0", "0:1"],
)
def test_bead_shapes_against_the_source(tgt, expected):
    assert align(S[:5], tgt).beads == expected


def test_one_to_two():
    src = [S[0], joined(S[1], S[2]), S[3]]
    assert align(src, S[:4]).beads == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_two_to_two_with_a_shifted_boundary():
    src = [
        S[0],
        "The orchestra rehearsed a difficult symphony",
        "for hours with the soloist.",
        S[6],
    ]
    tgt = [
        S[0],
        "The orchestra rehearsed",
        "a difficult symphony for hours with the soloist.",
        S[6],
    ]
    assert align(src, tgt).beads == [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,))]


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        (
            "fi",
            [
                "Tapaaminen pidettiin 18. lokakuuta 1962 Valkoisessa talossa.",
                "Hruštšov lähetti terveisiä.",
                "Keskustelu kesti kaksi tuntia ja kaksikymmentä minuuttia, ja siihen osallistui "
                "useita neuvonantajia molemmilta puolilta.",
                "Kennedy kiitti lämpimästi tervehdyksistä.",
            ],
        ),
        (
            "hy",
            [
                "Հանդիպումը տեղի ունեցավ 1962 թվականի հոկտեմբերի 18-ին Սպիտակ տանը։",
                "Խրուշչովը ողջույններ հղեց։",
                "Զրույցը տևեց երկու ժամ քսան րոպե, և դրան մասնակցում էին երկու կողմերի մի "
                "քանի խորհրդականներ։",
                "Քենեդին շնորհակալություն հայտնեց։",
            ],
        ),
    ],
)
def test_uncovered_languages_align_on_length_and_anchors(language, sentences):
    english = [
        "The meeting took place on 18 October 1962 at the White House.",
        "Khrushchev sent his regards.",
        "The conversation lasted two hours and twenty minutes, and several advisers from both "
        "sides took part in it.",
        "Kennedy thanked him warmly for the regards.",
    ]
    assert align(sentences, english, language, "en").beads == [((i,), (i,)) for i in range(4)]


def test_uncovered_language_leaves_out_a_sentence_whose_numbers_have_no_match():
    finnish = [
        "Tapaaminen pidettiin 18. lokakuuta 1962 Valkoisessa talossa.",
        "Hruštšov lähetti 3 kirjettä presidentille 12. syyskuuta.",
        "Keskustelu kesti kaksi tuntia ja kaksikymmentä minuuttia.",
        "Kennedy kiitti.",
    ]
    english = [
        "The meeting took place on 18 October 1962 at the White House.",
        "The conversation lasted two hours and twenty minutes.",
        "Kennedy thanked him.",
    ]
    assert align(finnish, english, "fi", "en").beads == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
    ]


def test_fixed_beads_are_kept():
    fixed = [((1,), (2,))]
    result = align(S[:4], S[:4], config=WORDS_ONLY, fixed=fixed)
    assert ((1,), (2,)) in result.beads
    assert covers(result.beads, 4, 4)
    assert result.confidence[result.beads.index(((1,), (2,)))] == 1.0


def test_one_sided_fixed_bead_is_kept_where_it_fits():
    result = align(S[:4], S[:4], fixed=[((2,), ())])
    assert result.beads == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3,))]


@pytest.mark.parametrize(
    "fixed",
    [[((1, 3), (1,))], [((2,), (2,)), ((1,), (1,))], [((9,), (0,))]],
    ids=["not a run", "out of order", "out of range"],
)
def test_bad_fixed_beads_are_refused(fixed):
    with pytest.raises(ValueError):
        align(S[:4], S[:4], fixed=fixed)


def test_paragraph_starts_decide_between_equal_sentences():
    src = ["The delegation arrived at noon.", "Thank you.", "Thank you."]
    tgt = ["The delegation arrived at noon.", "Thank you."]
    guided = align(src, tgt, src_paragraphs=[0, 0, 1], tgt_paragraphs=[0, 1])
    assert guided.beads == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert align(src, tgt).beads != guided.beads


def test_paragraphs_in_very_different_numbers_are_ignored():
    src = ["The delegation arrived at noon.", "Thank you.", "Thank you."]
    tgt = ["The delegation arrived at noon.", "Thank you."]
    reflowed = align(src, tgt, src_paragraphs=[0, 1, 2], tgt_paragraphs=[0, 1])
    assert reflowed.beads == align(src, tgt).beads


def test_empty_sides():
    assert align([], S[:2]).beads == [((), (0,)), ((), (1,))]
    assert align(S[:1], []).beads == [((0,), ())]
    assert align([], []).beads == []


def test_progress_is_reported():
    steps = []
    run(align_texts(S, S, "en", "en"), steps.append)
    assert steps and all(isinstance(step, Progress) for step in steps)


def test_banded_search_matches_the_full_search():
    long = [f"{S[k % 7]} Item number {k} of the list." for k in range(300)]
    target = long[:100] + long[101:200] + ["An extra line."] + long[200:]
    banded = AlignConfig(full_search_cells=1000, coarse_factor=4, band=4)
    full = run(align_texts(long, target, "en", "en"))
    assert run(align_texts(long, target, "en", "en", banded)).beads == full.beads
    assert ((100,), ()) in full.beads
    assert ((), (199,)) in full.beads


words = st.sampled_from(["red", "green", "blue", "cat", "dog", "house", "river", "1962", "Anna"])
texts = st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), max_size=12)


@settings(max_examples=40, deadline=None)
@given(src=texts, tgt=texts, languages=st.sampled_from([("en", "en"), ("fi", "hy")]))
def test_beads_cover_every_sentence_once_in_order(src, tgt, languages):
    result = run(align_texts(src, tgt, *languages, WORDS_ONLY))
    assert covers(result.beads, len(src), len(tgt))
    assert len(result.confidence) == len(result.beads)
    assert all(0.0 <= c <= 1.0 for c in result.confidence)
    assert all(len(s) <= 4 and len(t) <= 4 for s, t in result.beads)
