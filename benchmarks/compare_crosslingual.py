# ruff: noqa: E501  (the hand-made sentence pairs below are kept one pair per line)
"""How well the cross-lingual flags find omissions and mistranslations (precision and recall).

Two measurements:

1. A small hand-made Russian–English set, written for this benchmark (below): sentence pairs
   with deliberate omissions, additions, wrong words, wrong numbers and names, and clean
   pairs. Gold spans are marked ``[[…]]``. Being small and written by the same people as the
   code, it ranks settings; it is no independent benchmark.
2. Bio-MQM (MQM annotations of the WMT22 biomedical task's systems, Russian → English: one
   file per system, 428 segments of 50 Medline abstracts each), when present: every
   ``*.json`` / ``*.jsonl`` file under ``biomqm_ru2en`` in the evaluation data folder (the
   ``TRANSCOMPARE_EVALDATA`` environment variable, else ``../shared/evaldata`` next to the
   repository). The layout expected is the one :func:`transcompare.formats.evaluations.
   read_biomqm` reads: records with ``source``/``src`` and ``target``/``tgt`` text and error
   lists with character offsets and an ``error_category``. Gold spans are the errors whose
   category is omission (on the source side) or mistranslation (on the target side).

Scoring is by span overlap: a flagged word is correct if it overlaps a gold span of its side;
a gold span is found if a flagged word overlaps it. Both sides are pooled; for Bio-MQM each side
is also scored alone, since its gold marks a mistranslation on the target side only (the
Russian word we also flag counts against precision there).

Run: ``python benchmarks/compare_crosslingual.py [--thresholds 0.5,0.55,0.6,0.65,0.7]``
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from transcompare.compare.cells import Cell, SentenceText
from transcompare.compare.crosslingual import Matcher, MatchSettings, content_words

ROOT = Path(__file__).resolve().parents[1]
GOLD = re.compile(r"\[\[(.+?)\]\]")

# Russian original | English translation; [[…]] marks what a reviewer would flag.
HAND_MADE = """
Идут разговоры о возможности действий организованного [[пиратства]] в этом районе под эгидой США. | There is talk of possible actions of organized [[policy]] in this region under US auspices.
Кеннеди поблагодарил Н. С. Хрущева за приветы. | Kennedy thanked N. S. Khrushchev for the regards.
Куба принадлежит кубинскому народу, а не США или какому-либо другому государству. | Cuba belongs to the Cuban people, not to the US or any other state.
Советское правительство выступает за [[мирное]] сосуществование государств с различными социальными системами. | The Soviet government stands for the coexistence of states with different social systems.
В США уже длительное время ведется [[разнузданная]] антикубинская кампания. | An anti-Cuban campaign has been going on in the US for a long time.
Сейчас США предпринимают попытку блокировать торговлю Кубы с другими государствами. | Right now the US is attempting to blockade Cuba's trade with other states.
Кто может всерьез поверить, что Куба представляет угрозу для США? | Who can seriously believe that Cuba poses a threat to the US?
Если говорить о размерах и ресурсах двух стран, то ясно, что это великан и [[младенец]]. | If we speak about the size and resources of the two countries, it is clear that they are a giant and a [[dwarf]].
Кубинские руководители и лично Фидель Кастро не раз заявляли об этом перед всем миром. | Cuban leaders and personally Fidel Castro have declared this more than once before the whole world.
Встреча состоялась в Белом доме [[18]] октября [[1962]] года. | The meeting took place at the White House on October [[19]].
Президент Дортикос выступил на сессии Генеральной Ассамблеи ООН. | President Dorticos spoke at the session of the UN General Assembly.
Правительство Кубы официально заявляет о своем стремлении урегулировать все спорные вопросы путем [[переговоров]]. | The Cuban government officially declares its desire to settle all disputed questions by [[force]].
Советский Союз оказывает Кубе помощь только в экономических и [[оборонительных]] вопросах. | The Soviet Union gives Cuba help only in economic matters.
Я передал ему приветы от Нины Петровны. | I conveyed to him greetings from Nina Petrovna.
Соединенные Штаты не собираются вторгаться на [[Кубу]]. | The United States has no plans to invade [[Mexico]].
Вопрос в том, стоит ли раздувать кампанию против Кубы. | The question is whether it is worth whipping up a campaign against Cuba.
Это может привести к тяжелым последствиям, к несчастью для всего [[человечества]]. | This can lead to grave consequences, to a misfortune for all of [[Europe]].
На Кубу были доставлены [[сорок две]] ракеты. | [[Forty-three]] missiles were delivered to Cuba.
Министр иностранных дел встретился с послом в [[понедельник]]. | The foreign minister met the ambassador on [[Friday]].
Мы уверены, что такого исхода не желает ни один народ, в том числе и народ США. | We are confident that no people wants such an outcome, including the people of the US.
Советский Союз не может сидеть сложа руки и быть [[безучастным]] наблюдателем. | The Soviet Union cannot sit with folded arms and be an onlooker.
Кубинцы хотят сделать надежным свой собственный дом, свою независимость. | The Cubans want to make their own home and their independence secure and [[prosperous]].
Экспорт сахара вырос на 150 тысяч тонн. | Sugar exports grew by 150,000 tons.
В 1961 году на Кубе проживало около [[семи миллионов]] человек. | In 1961 about [[six million]] people lived in Cuba.
Президент подчеркнул, что Вашингтон не имеет планов вторжения. | The president stressed that Washington has no invasion plans.
Громыко предложил провести встречу между двумя [[руководителями]]. | Gromyko proposed a meeting between the two [[generals]].
Посол передал письмо [[министру обороны]]. | The ambassador handed over the letter.
Правительство США должно прекратить враждебную деятельность против Гаваны. | The US government must end its hostile activities against Havana [[immediately]].
Переговоры продолжались три [[часа]]. | The talks lasted three [[days]].
Он упомянул операцию «Мангуст» и высадку в заливе Свиней. | He mentioned Operation Mongoose and the Bay of Pigs landing.
Телеграмма датирована 20 октября 1962 года и подписана А. Громыко. | The cable is dated October 20, 1962 and signed by A. Gromyko.
Хрущев и Кеннеди обменялись письмами в течение [[недели]]. | Khrushchev and Kennedy exchanged letters during the [[month]].
Наша страна никогда не угрожала [[независимости]] Кубы. | Our country has never threatened the [[security]] of Cuba.
Делегация прибыла в [[Москву]] поздно вечером. | The delegation arrived in [[Leningrad]] late in the evening.
Эти заявления подкреплены делами. | These statements are backed by deeds.
Он говорил о мирном [[соревновании]] двух идеологических систем. | He spoke about the peaceful [[cooperation]] of the two ideological systems.
Американская сторона отвергла [[советские]] предложения. | The American side rejected the proposals.
Вооружение, поставляемое на Кубу, носит [[исключительно]] оборонительный характер. | The weapons supplied to Cuba are of a defensive nature.
Президент выразил надежду на скорую встречу с Хрущевым. | The president expressed hope for an early meeting with Khrushchev.
В документе упоминается [[XX]] съезд партии. | The document mentions the [[Twenty-second]] Party Congress.
Ситуация вокруг Берлина остается [[напряженной]]. | The situation around Berlin remains [[calm]].
Кубинские руководители приняли [[американского]] посла. | Cuban leaders received the [[British]] ambassador.
Он выступил с докладом перед [[студентами]] университета. | He gave a report to the university [[professors]].
Мы не хотим войны. | We do not want war.
Все эти вопросы мы обсудим на следующей неделе [[в Нью-Йорке]]. | We will discuss all these questions next week.
Министр Громыко встретился с государственным секретарем Раском. | Minister Gromyko met Secretary of State Rusk.
Советское правительство [[решительно]] осуждает эти действия. | The Soviet government condemns these actions.
Эта политика ведет к [[войне]]. | This policy leads to [[peace]].
Кеннеди сказал, что положение стало очень опасным. | Kennedy said that the situation had become very dangerous.
Корабли доставили на Кубу [[зерно]] и медикаменты. | The ships delivered [[weapons]] and medicines to Cuba.
"""

# Word pairs for the single-word embedding figure (true translations).
WORD_PAIRS = """
пиратство piracy; политика policy; организованный organized; правительство government;
государство state; президент president; война war; угроза threat; мир peace; встреча meeting;
семья family; независимость independence; вторжение invasion; торговля trade; блокада blockade;
дружба friendship; оружие weapon; ракета missile; переговоры negotiations; решение decision;
помощь aid; заявление statement; вопрос question; страна country; народ people; договор treaty;
посол ambassador; министр minister; армия army; граница border; сила force; закон law;
безопасность security; опасность danger; надежда hope; письмо letter; неделя week; месяц month;
день day; год year; город city; остров island; море sea; корабль ship; самолет plane;
солдат soldier; победа victory; мнение opinion; право right; свобода freedom; совесть conscience;
разум reason; великан giant; младенец baby; зерно grain; сахар sugar; нефть oil; деньги money;
работа work; школа school; университет university; студент student; доклад report;
делегация delegation; соглашение agreement; кампания campaign; позиция position; цель aim;
атака attack; флот fleet; база base; союзник ally; враг enemy; руководитель leader;
ответ answer; предложение proposal; доказательство proof; оценка assessment; ресурс resource
"""


@dataclass(frozen=True)
class Pair:
    source: Cell
    target: Cell
    gold_source: tuple[tuple[int, int], ...]
    gold_target: tuple[tuple[int, int], ...]


def unmark(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without ``[[…]]`` marks, and the marked spans."""
    spans, parts, position, removed = [], [], 0, 0
    for match in GOLD.finditer(text):
        parts.append(text[position : match.start()])
        start = match.start() - removed
        spans.append((start, start + len(match.group(1))))
        parts.append(match.group(1))
        removed += 4
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), tuple(spans)


def cell_of(witness: str, language: str, text: str, index: int) -> Cell:
    return Cell(witness, language, (SentenceText(witness, f"{witness}.s{index}", text),))


def hand_made() -> list[Pair]:
    pairs = []
    lines = [line for line in HAND_MADE.strip().splitlines() if line.strip()]
    for index, line in enumerate(lines):
        russian, english = (part.strip() for part in line.split("|"))
        ru_text, ru_gold = unmark(russian)
        en_text, en_gold = unmark(english)
        pairs.append(
            Pair(
                cell_of("ru", "ru", ru_text, index),
                cell_of("en", "en", en_text, index),
                ru_gold,
                en_gold,
            )
        )
    return pairs


def evaldata_folder() -> Path:
    configured = os.environ.get("TRANSCOMPARE_EVALDATA")
    return Path(configured) if configured else ROOT.parent / "shared" / "evaldata"


def biomqm(folder: Path) -> list[Pair]:
    """Pairs from every Bio-MQM file under ``folder``, with omission and mistranslation spans."""
    from transcompare.compare.cells import cell
    from transcompare.formats.evaluations import read_biomqm

    pairs = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".jsonl")):
        project = read_biomqm(path, "ru", "en")
        gold: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for annotation in project.annotations:
            if annotation.category in ("accuracy/omission", "accuracy/mistranslation"):
                for span in annotation.spans:
                    gold.setdefault((span.witness, span.sentence), []).append(
                        (span.start, span.end)
                    )
        for row in range(len(project.rows)):
            source = cell(project, row, project.pivot)
            for witness in project.witness_ids:
                if witness == project.pivot:
                    continue
                target = cell(project, row, witness)
                if not source or not target:
                    continue
                pairs.append(
                    Pair(
                        source,
                        target,
                        tuple(g for s in source.sentences for g in gold.get((s.witness, s.id), ())),
                        tuple(g for s in target.sentences for g in gold.get((s.witness, s.id), ())),
                    )
                )
    return pairs


@dataclass
class Score:
    flagged: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def add(self, flagged: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        self.flagged += len(flagged)
        self.correct += sum(any(_overlap(f, g) for g in gold) for f in flagged)
        self.gold += len(gold)
        self.found += sum(any(_overlap(f, g) for f in flagged) for g in gold)

    def line(self) -> str:
        precision = self.correct / self.flagged if self.flagged else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"P {precision:.2f} ({self.correct}/{self.flagged})  "
            f"R {recall:.2f} ({self.found}/{self.gold})  F1 {f1:.2f}"
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(pairs: Iterable[Pair], matcher: Matcher) -> tuple[Score, Score, Score]:
    """Scores for both sides pooled, for the source side, and for the target side."""
    pooled, source, target = Score(), Score(), Score()
    for pair in pairs:
        result = matcher.compare(pair.source, pair.target)
        flagged_a = [(u.span.start, u.span.end) for u in result.a]
        flagged_b = [(u.span.start, u.span.end) for u in result.b]
        for score in (pooled, source):
            score.add(flagged_a, pair.gold_source)
        for score in (pooled, target):
            score.add(flagged_b, pair.gold_target)
    return pooled, source, target


def word_embedding_figure(threshold: float) -> str:
    """Share of true word pairs at or above the threshold, and of false pairs too."""
    from transcompare.compare.embeddings import shared

    pairs = [item.split() for item in WORD_PAIRS.replace("\n", " ").split(";") if item.strip()]
    russian, english = [p[0] for p in pairs], [p[1] for p in pairs]
    similarity = shared().similarity(russian, english)
    n = len(pairs)
    true_hits = sum(similarity[i, i] >= threshold for i in range(n))
    false_hits = sum(similarity[i, j] >= threshold for i in range(n) for j in range(n) if i != j)
    best = sum(int(similarity[i].argmax()) == i for i in range(n))
    return (
        f"{n} hand-made word pairs: true pairs ≥ {threshold}: {true_hits}/{n} "
        f"({true_hits / n:.0%}); false pairs ≥ {threshold}: {false_hits}/{n * (n - 1)} "
        f"({false_hits / (n * (n - 1)):.1%}); right word ranked first: {best}/{n} ({best / n:.0%})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--thresholds", default="0.5,0.55,0.6,0.65,0.7")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    pairs = hand_made()
    gold = sum(len(p.gold_source) + len(p.gold_target) for p in pairs)
    print(f"hand-made ru-en set: {len(pairs)} sentence pairs, {gold} gold spans (small, hand-made)")
    without = Matcher(MatchSettings(use_embeddings=False, use_dictionary=False))
    print(f"  no embeddings, no dictionary: {evaluate(pairs, without)[0].line()}")
    for threshold in thresholds:
        matcher = Matcher(MatchSettings(threshold=threshold, use_dictionary=False))
        started = time.perf_counter()
        score = evaluate(pairs, matcher)[0]
        elapsed = time.perf_counter() - started
        print(f"  embeddings, cosine ≥ {threshold}: {score.line()}  [{elapsed:.2f} s]")
    with_dictionary = Matcher(MatchSettings())
    if with_dictionary.bilingual:
        score = evaluate(pairs, with_dictionary)[0]
        print(f"  embeddings ≥ 0.6 + installed dictionary: {score.line()}")
    else:
        print("  installed dictionary: none (mueller7-dict not installed), not measured")
    print(word_embedding_figure(0.6))
    folder = evaldata_folder() / "biomqm_ru2en"
    if not folder.is_dir():
        print(f"biomqm_ru2en: skipped: {folder} not found")
        return 0
    bio = biomqm(folder)
    print(f"biomqm_ru2en: {len(bio)} segment pairs")
    for threshold in thresholds:
        matcher = Matcher(MatchSettings(threshold=threshold))
        matcher.prefetch(w for p in bio for c in (p.source, p.target) for w in content_words(c)[0])
        pooled, source, target = evaluate(bio, matcher)
        print(f"  cosine ≥ {threshold}: both sides {pooled.line()}")
        print(f"    source side (omissions): {source.line()}")
        print(f"    target side (mistranslations): {target.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
