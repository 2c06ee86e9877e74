"""How long word diffs, QA checks and cross-lingual flags take on a 10 000-row project.

The requirement: the word diffs of every row and every QA check of the default configuration
within 5 s in all, on a 10 000-row project of three witnesses (Russian and two English
translations), once the embedding cache holds the project's words. The ways the product makes
both together are the budget figures:

* ``transcompare qa``: its two-translations check diffs every row itself, its checks in parts
  in processes forked from it (one per core);
* the application, asked for the checks as soon as the document is open (:data:`OPENED`: the
  window has compared the rows on screen, which loads the word analysers): its window has
  threads, so it must not fork; it gets a fork server ready as it starts and checks the rows
  in parts in fresh processes, which diff their rows themselves and hand the
  diffs back for the overview, whose own diffs wait while the run goes (its threads give up
  the interpreter to each other as often as the application's do).

Asked for later, once the overview has made every row's diffs (:data:`LATER`; one row after
another, on one core, before anything was asked), the application's run hands each part the
diffs of its rows: what the user waits for then is the checks; the overview's diffs and the
checks are reported added up too. For comparison, once each: the application's run asked for
at the very instant the application opens with the document (:data:`INSTANT`: the analysers
not loaded yet, the fork server just starting) and with the overview's diffs made alongside
rather than held (:data:`NOT_HELD`); both without the sentence encoder; and both in one
process.

The project is synthetic but made of real text: the bundled Gromyko–Kennedy corpus (a Russian
witness and two English ones) is aligned, and its rows are repeated until there are
``--rows`` rows. The first sentence of every cell gets its row number in front, so no two rows
are the same and no row's result can come from a cache filled by an earlier row. Two
vocabularies are measured:

* ``repeated``: the text of the corpus as it is. Its vocabulary is that of one short document
  (about 1 200 Russian and 900 English word forms), so per-word caches (lemmas,
  transliteration keys, embeddings) fill at once, and the sentences after the first of a cell
  recur, so per-sentence caches help too.
* ``varied``: in addition, every third longer lower-case word of each row is replaced by a
  word drawn from the dictionaries of pymorphy3 (Russian) and lemminflect (English), the same
  draws for both English witnesses. The project then has about 24 000 Russian and 14 000
  English word forms, about what a real document of that length has, and only short
  sentences (too few words to replace) recur.

Each configuration is measured in a fresh process forked after the project is built, so no
figure profits from caches another filled; loading the morphology analysers is included in
the first figure (the word diffs, made as the product makes those of a whole document:
``divergence.row_diffs``, garbage collection paused), as a command-line run would pay it, and
so is the collection deferred to the end of each step. The application's figures are the
exception but for :data:`INSTANT`: its window has loaded the analysers before anything else is
compared, for the rows on screen, which it compares first (their word differences need the
English one, the cross-lingual matching it shows by default both), so they are loaded before
those figures start, and the fork server is started meanwhile. The budget is judged on
wall-clock time, what a user waits; it depends on what else the machine runs. CPU time counts this
process and the processes it forked, not the fresh ones the application checks in (they are
a fork server's children), whose start-up (the server's included) is in the wall-clock time.

The budget figures, and the application's asked for later, are measured ``--repeat`` times and
judged on their medians.

Run: ``python benchmarks/compare_speed.py [--rows 10000] [--words repeated|varied|both]
[--skip-embeddings] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import random
import re
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from transcompare.align import align_project
from transcompare.align.embed import usable_cores
from transcompare.compare import crosslingual, divergence, lexicon
from transcompare.compare.cells import cell
from transcompare.compare.qa import Finding, QAConfig, checks_task, parts, run_checks, translations
from transcompare.compare.qa.base import Context
from transcompare.model import ORIGINAL, Project, Row, Sentence, Witness
from transcompare.pipeline import WitnessSource, build_project
from transcompare.progress import Progress, run

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "gromyko-kennedy-1962"
FILES = (
    ("ru", "ru-backtranslation.txt", "ru"),
    ("en-a", "en-wilson.txt", "en"),
    ("en-b", "en-revised.txt", "en"),
)
BUDGET = 5.0
"""Seconds for the word diffs of every row and all default QA checks together."""
POOL_SIZES = {"ru": 40_000, "en": 15_000}
"""Words to draw from: with the draws of 10 000 rows, about 24 000 Russian and 14 000 English
distinct forms end up in the project (a 250 000-word text has about as many)."""
EVERY = 3
"""Every third replaceable word of a row is replaced in the varied project."""

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""Words as the benchmark sees them (its own pattern, so that building the project fills no
cache of the code it measures)."""

CLI_DEFAULT = QAConfig()
WITHOUT_EMBEDDINGS = QAConfig(use_embeddings=False, use_dictionary=False)

Rewrite = Callable[[str, int, Witness], str]
"""(sentence text, row index, witness) → the text the synthetic project gets."""
Figures = dict[str, float]
"""Seconds measured in one run, by what they measure."""
T = TypeVar("T")

BEFORE, ALONGSIDE, HELD = "before", "alongside", "held"


@dataclass(frozen=True)
class Asked:
    """When the application's QA run is asked for, as far as what it waits for depends on it."""

    label: str
    analysers_loaded: bool = True
    """Whether the window has loaded the word analysers first (it compares the rows on screen
    as soon as the document opens, and both analysers serve that)."""
    overview: str = HELD
    """The overview's diffs of every row: made :data:`BEFORE` the run (which reuses them), in
    a thread :data:`ALONGSIDE` it (what the window did before it held them), or :data:`HELD`
    while it runs (which makes them itself and hands them over at the end)."""


OPENED = Asked("asked for as soon as the document is open")
INSTANT = Asked("asked for at the instant the application opens with it", analysers_loaded=False)
LATER = Asked("asked for once the overview has every row's diffs", overview=BEFORE)
NOT_HELD = Asked("asked for as soon as the document is open, overview not held", overview=ALONGSIDE)


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


def repeated(base: Project, rows: int, rewrite: Rewrite | None = None) -> Project:
    """``rows`` rows made of the base project's rows, each cell numbered by its row and each
    sentence passed through ``rewrite`` (if given)."""
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
                text = rewrite(old.text, index, witness) if rewrite else old.text
                text = f"{index + 1}. {text}" if number == 0 else text
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


def _replaceable(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word.islower()


def russian_words(prefixes: set[str]) -> Iterator[str]:
    """Word forms pymorphy3 knows, a few hundred for each of the given beginnings."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    for prefix in sorted(prefixes):
        for parse in islice(morph.iter_known_word_parses(prefix), 400):
            yield parse.word


def english_words() -> Iterator[str]:
    """Every lemma lemminflect knows, with its inflected forms."""
    table = files("lemminflect") / "resources" / "infl_lu.csv.gz"
    for line in gzip.decompress(table.read_bytes()).decode("utf-8").splitlines():
        lemma, _, forms = line.split(",", 2)
        yield lemma
        yield from forms.split("/")


def pool(base: Project, language: str) -> list[str]:
    """A deterministic sample of :data:`POOL_SIZES` words of a language."""
    if language == "ru":
        words = {m.lower() for w in base.witnesses if w.language == "ru" for m in _words(w)}
        found = russian_words({w[:3] for w in words if _replaceable(w)})
    else:
        found = english_words()
    candidates = sorted({w for w in found if _replaceable(w)})
    return random.Random(language).sample(candidates, min(POOL_SIZES[language], len(candidates)))


def _words(witness: Witness) -> Iterator[str]:
    for sentence in witness.sentences:
        yield from WORD.findall(sentence.text)


class VariedWords:
    """A rewrite that replaces every :data:`EVERY`-th replaceable word of a row (the first word
    of each sentence aside) by a word drawn for that row and language: both English witnesses
    get the same words, in the same order."""

    def __init__(self, base: Project) -> None:
        self.pools = {language: pool(base, language) for language in ("ru", "en")}
        self.seen: dict[tuple[int, str], int] = {}

    def drawn(self, index: int, language: str, number: int) -> str:
        return random.Random(f"{index}/{language}/{number}").choice(self.pools[language])

    def __call__(self, text: str, index: int, witness: Witness) -> str:
        pieces, last = [], 0
        for position, match in enumerate(WORD.finditer(text)):
            if position == 0 or not _replaceable(match.group()):
                continue
            seen = self.seen[index, witness.id] = self.seen.get((index, witness.id), 0) + 1
            if seen % EVERY == 0:
                word = self.drawn(index, witness.language, seen // EVERY)
                pieces += [text[last : match.start()], word]
                last = match.end()
        return "".join(pieces) + text[last:]


def synthetic(base: Project, rows: int, words: str) -> Project:
    rewrite = VariedWords(base) if words == "varied" else None
    project = repeated(base, rows, rewrite)
    problems = project.check()
    if problems:
        raise SystemExit(f"synthetic project is broken: {problems[:3]}")
    return project


def describe(project: Project) -> str:
    forms = {w.language: len({m.lower() for m in _words(w)}) for w in project.witnesses}
    sentences = sum(len(w.sentences) for w in project.witnesses)
    distinct = len({s.text for w in project.witnesses for s in w.sentences})
    return (
        f"{len(project.rows)} rows, witnesses {', '.join(project.witness_ids)}; "
        f"{sentences} sentences ({distinct} distinct); word forms: "
        + ", ".join(f"{language} {count}" for language, count in forms.items())
    )


def timed(label: str, work: Callable[[], T]) -> tuple[T, float, float]:
    """Run ``work``, print its wall-clock and CPU time (of this process and of the processes it
    started and saw end), and return its result and both times."""
    started, cpu = time.perf_counter(), cpu_seconds()
    result = work()
    wall, used = time.perf_counter() - started, cpu_seconds() - cpu
    print(f"  {label}: {wall:.2f} s wall, {used:.2f} s CPU", flush=True)
    return result, wall, used


def cpu_seconds() -> float:
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def all_diffs(project: Project) -> list[divergence.RowDiff]:
    return divergence.row_diffs(project, "en-a", "en-b")


def diffs_and_checks(project: Project, name: str, config: QAConfig, processes: int) -> float:
    """Every row's word diff (as the application's overview makes them), then the QA checks
    (which reuse the diffs), in ``processes`` forked processes at once."""
    print(f"- diffs and QA checks {name} ({processes_used(processes)})", flush=True)
    diffs, wall_d, cpu_d = timed("word diffs en-a vs en-b, every row", lambda: all_diffs(project))
    changes = sum(len(d.changes) for d in diffs)
    print(f"    document divergence {divergence.pooled_score(diffs):.3f}, {changes} changes")
    timed("same diffs again (cached)", lambda: all_diffs(project))
    _, wall_c, cpu_c = checks_timed(project, config, processes, parts.FORK)
    wall, cpu = wall_d + wall_c, cpu_d + cpu_c
    print(f"  diffs + checks: {wall:.2f} s wall ({verdict(wall)}), {cpu:.2f} s CPU")
    return wall


def as_the_application(project: Project, config: QAConfig, processes: int, asked: Asked) -> Figures:
    """The QA checks in ``processes`` fresh processes, as the application runs them when
    ``asked`` says; at the end, this process has every row's word diffs (for the overview)."""
    print(f"- QA checks as the application runs them, {asked.label}", flush=True)
    # imported here: the fork server imports this script, and the application's does not
    # import Qt
    from transcompare.ui.app import SWITCH_INTERVAL

    sys.setswitchinterval(SWITCH_INTERVAL)
    parts.get_ready()  # as the application does as it starts
    if asked.analysers_loaded:
        lexicon.load_analysers()
    figures: Figures = {}
    if asked.overview == BEFORE:
        _, figures["the overview's diffs"], _ = timed(
            "word diffs en-a vs en-b, every row (the overview)", lambda: all_diffs(project)
        )
    overview = threading.Thread(target=row_by_row, args=(project,))
    if asked.overview == ALONGSIDE:
        overview.start()
    _, figures["checks"], _ = checks_timed(project, config, processes, parts.FRESH)
    if asked.overview == ALONGSIDE:
        overview.join()
    if asked.overview == BEFORE:
        figures["the overview's diffs + checks"] = sum(figures.values())
    context = Context(project, config)
    diffed, rows = (
        len(translations.at_hand(context)),
        len(list(context.filled_rows("en-a", "en-b"))),
    )
    print(f"    word diffs in this process at the end: {diffed} of the {rows} rows to diff")
    return figures


def row_by_row(project: Project) -> None:
    """The overview's diffs, one row at a time, as the window's comparing thread makes them."""
    for row in project.rows:
        divergence.row_diff(project, row, "en-a", "en-b")


def checks_alone(project: Project, config: QAConfig, processes: int) -> Figures:
    """What ``transcompare qa`` does: the checks only, whose two-translations check diffs every
    row of the two English witnesses itself (the diffs stay where they were made)."""
    print(f"- QA checks alone, as transcompare qa ({processes_used(processes)})", flush=True)
    findings, wall, cpu = timed("QA checks", lambda: run_checks(project, config, processes))
    print(f"    {len(findings)} findings; {wall:.2f} s wall ({verdict(wall)})")
    return {"checks, each row diffed by the run": wall}


def processes_used(processes: int) -> str:
    return f"{processes} forked processes" if processes > 1 else "1 process"


def verdict(wall: float) -> str:
    return f"{'within' if wall <= BUDGET else 'over'} the {BUDGET:g} s budget"


def checks_timed(
    project: Project, config: QAConfig, processes: int, start: str
) -> tuple[list[Finding], float, float]:
    """The QA checks, timed (wall-clock and CPU), with the CPU time of the slowest steps of
    this process's part. Each step is reported as it starts, so a step's time runs to the next
    report; the last one's also holds putting the findings in order and the garbage collection
    deferred during the run."""
    started: list[tuple[str, float]] = []

    def note(progress: Progress) -> None:
        started.append((progress.message.removeprefix("QA check: "), time.process_time()))

    findings, wall, cpu = timed(
        "QA checks", lambda: run(checks_task(project, config, processes, start), note)
    )
    per_check: dict[str, float] = {}
    ends = [at for _, at in started[1:]] + [time.process_time()]
    for (step, at), end in zip(started, ends, strict=True):
        per_check[step] = per_check.get(step, 0.0) + end - at
    print(f"    {len(findings)} findings")
    slowest = sorted(per_check.items(), key=lambda item: -item[1])[:5]
    where = "this process" if processes == 1 else "this process, first part of the rows"
    print(
        f"    slowest steps (CPU s, {where}): "
        + ", ".join(f"{name} {cpu:.2f}" for name, cpu in slowest)
    )
    return findings, wall, cpu


def fill_embedding_cache(project: Project) -> None:
    """Embed every word the terminology check asks for, so that later runs find them cached."""
    terminology = QAConfig(checks=frozenset({"terminology"}))
    timed("filling the embedding cache (once)", lambda: run_checks(project, terminology))


def cross_lingual(project: Project) -> None:
    print("- cross-lingual unmatched words", flush=True)
    matcher = crosslingual.Matcher(crosslingual.MatchSettings(use_dictionary=False))
    cells = [(cell(project, r, "ru"), cell(project, r, "en-a")) for r in range(len(project.rows))]
    timed(
        "embed every word (batched)",
        lambda: matcher.prefetch(
            w for pair in cells for c in pair for w in crosslingual.content_words(c)[0]
        ),
    )
    flags, _, _ = timed(
        "unmatched words ru vs en-a, every row", lambda: [matcher.compare(a, b) for a, b in cells]
    )
    unmatched = sum(len(f.a) + len(f.b) for f in flags)
    print(f"    {unmatched} unmatched of {sum(f.a_count + f.b_count for f in flags)} items")


def in_fresh_process(work: Callable[..., T], *args: object) -> T | None:
    """Run ``work`` in a child forked now, which starts with no comparison cached, and return
    what it returns (None if it sent nothing)."""
    fork = multiprocessing.get_context("fork")
    receiving, sending = fork.Pipe(duplex=False)
    child = fork.Process(target=_sending, args=(sending, work, *args))
    child.start()
    sending.close()
    try:
        result = receiving.recv()
    except EOFError:
        result = None
    child.join()
    if child.exitcode:
        raise SystemExit(f"measurement failed (exit code {child.exitcode})")
    return result


def _sending(results: Connection, work: Callable[..., object], *args: object) -> None:
    results.send(work(*args))


def budget_runs(repeat: int, work: Callable[..., Figures], *args: object) -> None:
    """Measure budget figures ``repeat`` times, each run in a fresh process, and judge their
    medians: on a shared machine one run can be a quarter slower than the next."""
    runs = [in_fresh_process(work, *args) or {} for _ in range(repeat)]
    if repeat < 2:
        return
    for label in runs[0]:
        walls = [figures[label] for figures in runs]
        median = statistics.median(walls)
        print(
            f"  median of {repeat} runs, {label}: {median:.2f} s wall ({verdict(median)}); "
            f"range {min(walls):.2f}-{max(walls):.2f} s",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--words", choices=("repeated", "varied", "both"), default="both")
    parser.add_argument("--skip-embeddings", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each budget figure (the median is judged)"
    )
    args = parser.parse_args()
    base = aligned_corpus()
    for words in ("repeated", "varied") if args.words == "both" else (args.words,):
        project = synthetic(base, args.rows, words)
        print(f"{words} vocabulary: {describe(project)}", flush=True)
        cores = usable_cores()
        in_fresh_process(diffs_and_checks, project, "without embeddings", WITHOUT_EMBEDDINGS, cores)
        if args.skip_embeddings:
            continue
        in_fresh_process(fill_embedding_cache, project)
        budget_runs(args.repeat, checks_alone, project, CLI_DEFAULT, cores)
        for asked in (OPENED, LATER):
            budget_runs(args.repeat, as_the_application, project, CLI_DEFAULT, cores, asked)
        for asked in (INSTANT, NOT_HELD):
            in_fresh_process(as_the_application, project, CLI_DEFAULT, cores, asked)
        in_fresh_process(diffs_and_checks, project, "in one process", CLI_DEFAULT, 1)
        in_fresh_process(cross_lingual, project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
