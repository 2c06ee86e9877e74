"""Desktop application: time to open and show documents, scrolling cost, and memory.

Run: ``python benchmarks/ui_open.py [--rows N] [--project light|varied] [--checks-as-it-opens]``
(Qt runs offscreen). Prints:

* the founding corpus: import, segment and align (``build_project``), then show it in the main
  window (model reset, first rows measured and painted); then the time until the word
  differences and cross-lingual unmatched words of the rows on screen are computed (the
  sentence encoder's disk cache may already be warm);
* a synthetic project of N rows (default 10,000) in three witnesses (Russian and two English
  versions; ``light``: rows of a few words; ``varied``: the project of ``compare_speed.py``
  with its varied vocabulary, whose words are embedded before the window opens, as that
  benchmark does): time to show it, then the cost of jumping to 200 places spread over the
  document (each jump measures the rows now on screen and repaints the view), with cross-lingual
  matching off so that only the view is timed; then Tools → Run QA checks on it, the longest
  turn of the event loop during the run, and the garbage collections that interrupted it
  (with ``--checks-as-it-opens``, instead: Tools → Run QA checks as soon as the project is
  shown, the same figures, and the time until the overview has every row);
* the resident memory high-water mark (``ru_maxrss``) of the whole run.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from transcompare.model import ORIGINAL, Project, Sentence, Witness, one_to_one_rows  # noqa: E402
from transcompare.progress import run  # noqa: E402
from transcompare.ui import services  # noqa: E402
from transcompare.ui.app import application  # noqa: E402
from transcompare.ui.main_window import MainWindow  # noqa: E402

WORDS = {
    "ru": ("правительство", "беседа", "президент", "кубинский", "вопрос", "мирный", "встреча"),
    "en": ("government", "talk", "president", "cuban", "issue", "peaceful", "meeting"),
}
JUMPS = 200


def settle(app: QApplication, window: MainWindow, limit: float = 600.0) -> float:
    """Process events until the highlighter is idle; return the seconds it took."""
    start = time.perf_counter()
    quiet = 0
    while quiet < 3 and time.perf_counter() - start < limit:
        app.processEvents()
        time.sleep(0.01)
        quiet = 0 if window.highlighter.pending else quiet + 1
    return time.perf_counter() - start


def show(app: QApplication, window: MainWindow, project: Project) -> float:
    """Seconds to hand a project to the window and paint its first screen."""
    start = time.perf_counter()
    window.set_project(project)
    app.processEvents()
    window.view.sizer.fit_visible_rows()
    window.view.viewport().repaint()
    return time.perf_counter() - start


def synthetic_witness(witness_id: str, language: str, rows: int, seed: int) -> Witness:
    """``rows`` sentences of 6–30 words, one paragraph per 20 sentences."""
    generator = random.Random(seed)
    witness = Witness(witness_id, language, role=ORIGINAL if language == "ru" else "translation")
    parts, sentences, position = [], [], 0
    for number in range(rows):
        words = generator.choices(WORDS[language], k=generator.randint(6, 30))
        text = " ".join(words).capitalize() + "."
        if number:
            separator = "\n\n" if number % 20 == 0 else " "
            parts.append(separator)
            position += len(separator)
        sentences.append(
            Sentence(witness.new_sentence_id(), text, position, position + len(text), number // 20)
        )
        parts.append(text)
        position += len(text)
    witness.text, witness.sentences = "".join(parts), sentences
    return witness


def synthetic_project(rows: int) -> Project:
    witnesses = [
        synthetic_witness("ru", "ru", rows, 1),
        synthetic_witness("en-a", "en", rows, 2),
        synthetic_witness("en-b", "en", rows, 2),
    ]
    project = Project(witnesses)
    project.set_rows(one_to_one_rows(project))
    return project


def varied_project(rows: int) -> Project:
    """The project of ``compare_speed.py`` (the bundled corpus with a varied vocabulary), its
    words embedded once in a process of their own, so that this one starts with no cache."""
    import compare_speed

    project = compare_speed.synthetic(compare_speed.aligned_corpus(), rows, "varied")
    compare_speed.in_fresh_process(compare_speed.fill_embedding_cache, project)
    return project


def checks_in_window(app: QApplication, window: MainWindow) -> None:
    """Tools → Run QA checks on the project shown: seconds until the findings are listed, the
    longest turn of the event loop meanwhile (how long the window could not respond), and the
    garbage collections that interrupted the run."""
    events: list[tuple[str, float]] = []

    def note(phase: str, _: dict[str, int]) -> None:
        events.append((phase, time.perf_counter()))

    gc.callbacks.append(note)
    start = time.perf_counter()
    window.actions["run_checks"].trigger()
    longest, last = 0.0, time.perf_counter()
    while window.tasks.busy:
        app.processEvents()
        time.sleep(0.01)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    took = time.perf_counter() - start
    gc.callbacks.remove(note)
    starts = [at for phase, at in events if phase == "start"]
    stops = [at for phase, at in events if phase == "stop"]
    spent = sum(stop - begin for begin, stop in zip(starts, stops, strict=True))
    print(
        f"  QA checks in the window: {took:.2f} s (longest turn of the event loop "
        f"{longest * 1000:.0f} ms), interrupted by {len(starts)} garbage collections "
        f"({spent:.2f} s)"
    )


def checks_as_it_opens(app: QApplication, window: MainWindow, project: Project) -> None:
    """Show the project and ask for the QA checks at once: the seconds until the findings
    are listed, and until the overview has every row."""
    start = time.perf_counter()
    shown = show(app, window, project)
    print(f"  show (first screen painted): {shown * 1000:.0f} ms, then Tools → Run QA checks")
    checks_in_window(app, window)
    settle(app, window)
    print(f"  every row in the overview: {time.perf_counter() - start:.2f} s after opening")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--project", choices=("light", "varied"), default="light")
    parser.add_argument(
        "--checks-as-it-opens",
        action="store_true",
        help="ask for the QA checks as soon as the synthetic project is shown, then stop",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    big = synthetic_project(args.rows) if args.project == "light" else varied_project(args.rows)
    made = time.perf_counter() - start
    app = application()
    services.prepare_qa_processes()  # as the application does as it starts
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    start = time.perf_counter()
    project = run(services.corpus_task(services.bundled_corpus_folder()))
    built = time.perf_counter() - start
    shown = show(app, window, project)
    highlighted = settle(app, window)
    print(f"founding corpus ({len(project.rows)} rows, {len(project.witnesses)} witnesses):")
    print(f"  import, segment, align: {built:.2f} s")
    print(f"  show (first screen painted): {shown * 1000:.0f} ms")
    print(f"  highlights of the rows on screen (diffs + cross-lingual): {highlighted:.2f} s")

    if args.checks_as_it_opens:
        print(f"{args.project} project ({args.rows} rows, 3 witnesses, built in {made:.2f} s):")
        checks_as_it_opens(app, window, big)
        window.stack.setClean()
        window.close()
        return
    window.actions["show_unmatched"].setChecked(False)
    window.set_highlighting()
    shown = show(app, window, big)
    view = window.view
    steps = []
    for jump in range(JUMPS):
        row = (jump * 7919) % args.rows
        start = time.perf_counter()
        view.go_to(row)
        view.sizer.fit_visible_rows()
        view.viewport().repaint()
        steps.append(time.perf_counter() - start)
    settle(app, window)
    print(f"{args.project} project ({args.rows} rows, 3 witnesses, built in {made:.2f} s):")
    print(f"  show (first screen painted): {shown * 1000:.0f} ms")
    median, slow = statistics.median(steps), sorted(steps)[int(0.95 * JUMPS)]
    print(
        f"  jump + measure + repaint, {JUMPS} places: median {median * 1000:.1f} ms, "
        f"95th percentile {slow * 1000:.1f} ms, max {max(steps) * 1000:.1f} ms"
    )
    checks_in_window(app, window)
    print(
        f"resident memory high-water mark: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    window.stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
