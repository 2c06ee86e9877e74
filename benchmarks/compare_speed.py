"""How long word diffs, QA checks and cross-lingual flags take on a 10 000-row project.

The project is synthetic but made of real text: the bundled Gromyko–Kennedy corpus (a Russian
witness and two English ones) is aligned, and its rows are repeated until there are
``--rows`` rows. The first sentence of every cell gets its row number in front, so no two rows
are the same and no result can come from a cache filled by an earlier row; the vocabulary,
though, is that of one short document, so the per-word caches (lemmas, transliteration keys,
embeddings) fill quickly — a real document of that length has a larger vocabulary and would
run somewhat slower. The QA checks run after the diffs and reuse their cached row diffs.

Run: ``python benchmarks/compare_speed.py [--rows 10000] [--skip-embeddings]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from transcompare.align import align_project
from transcompare.compare import crosslingual, divergence
from transcompare.compare.cells import cell
from transcompare.compare.qa import QAConfig, run_checks
from transcompare.model import ORIGINAL, Project, Row, Sentence, Witness
from transcompare.pipeline import WitnessSource, build_project
from transcompare.progress import run

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "gromyko-kennedy-1962"
FILES = (
    ("ru", "ru-backtranslation.txt", "ru"),
    ("en-a", "en-wilson.txt", "en"),
    ("en-b", "en-revised.txt", "en"),
)


def aligned_corpus() -> Project:
    sources = [
        WitnessSource(
            CORPUS / name, id=w, language=lang, role=ORIGINAL if w == "ru" else "translation"
        )
        for w, name, lang in FILES
    ]
    project = run(build_project(sources))
    project.set_rows(run(align_project(project)))
    return project


def repeated(base: Project, rows: int) -> Project:
    """``rows`` rows made of the base project's rows, each cell numbered by its row."""
    witnesses = {w.id: Witness(w.id, w.language, role=w.role) for w in base.witnesses}
    parts: dict[str, list[str]] = {w: [] for w in witnesses}
    lengths = dict.fromkeys(witnesses, 0)
    new_rows = []
    for index in range(rows):
        source = base.rows[index % len(base.rows)]
        cells = {}
        for w, witness in witnesses.items():
            ids = []
            for number, sentence_id in enumerate(source.ids(w)):
                old = base.sentence(w, sentence_id)
                text = f"{index + 1}. {old.text}" if number == 0 else old.text
                start = lengths[w] + (1 if parts[w] else 0)
                if parts[w]:
                    parts[w].append(" ")
                parts[w].append(text)
                lengths[w] = start + len(text)
                sentence = Sentence(
                    witness.new_sentence_id(), text, start, start + len(text), index, old.kind
                )
                witness.sentences.append(sentence)
                ids.append(sentence.id)
            cells[w] = tuple(ids)
        new_rows.append(Row(cells, source.status, source.confidence))
    for w, witness in witnesses.items():
        witness.text = "".join(parts[w])
    return Project(witnesses.values(), new_rows)


def timed(label: str, work) -> object:
    """Run ``work`` and print its wall-clock and CPU time (the CPU time of this process is the
    steadier figure on a machine shared with other work)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"{label}: {wall:.2f} s wall, {used:.2f} s CPU")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--skip-embeddings", action="store_true")
    args = parser.parse_args()
    project = repeated(aligned_corpus(), args.rows)
    problems = project.check()
    if problems:
        print("synthetic project is broken:", problems[:3])
        return 1
    print(f"{len(project.rows)} rows, witnesses {', '.join(project.witness_ids)}")
    diffs = timed(
        "word diffs en-a vs en-b, every row",
        lambda: [divergence.row_diff(project, r, "en-a", "en-b") for r in range(len(project.rows))],
    )
    changes = sum(len(d.changes) for d in diffs)
    print(f"  document divergence {divergence.pooled_score(diffs):.3f}, {changes} changes")
    timed(
        "same diffs again (cached)",
        lambda: [divergence.row_diff(project, r, "en-a", "en-b") for r in range(len(project.rows))],
    )
    findings = timed(
        "all QA checks without embeddings",
        lambda: run_checks(project, QAConfig(use_embeddings=False, use_dictionary=False)),
    )
    print(f"  {len(findings)} findings")
    if args.skip_embeddings:
        return 0
    timed(
        "all QA checks with embeddings (terminology; includes loading the model)",
        lambda: run_checks(project, QAConfig()),
    )
    matcher = crosslingual.Matcher(crosslingual.MatchSettings(use_dictionary=False))
    cells = [(cell(project, r, "ru"), cell(project, r, "en-a")) for r in range(len(project.rows))]
    timed(
        "cross-lingual: embed every word (batched)",
        lambda: matcher.prefetch(
            w for pair in cells for c in pair for w in crosslingual.content_words(c)[0]
        ),
    )
    flags = timed(
        "cross-lingual unmatched words ru vs en-a, every row",
        lambda: [matcher.compare(a, b) for a, b in cells],
    )
    unmatched = sum(len(f.a) + len(f.b) for f in flags)
    print(f"  {unmatched} unmatched of {sum(f.a_count + f.b_count for f in flags)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
