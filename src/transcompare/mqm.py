"""The MQM error typology as data, severity weights, and the MQM score of a witness.

Category ids are stable strings such as ``accuracy/mistranslation`` (a subtype) or ``accuracy``
(a whole dimension); project files, the UI and the exports all use them. Never rename an id:
add a new one and map the old label to it in ``_ALIASES`` instead.

Scoring follows the MQM scoring models: the absolute penalty total (APT) is the sum over issues
of severity weight × type weight; the summary reports APT per 1,000 words of the evaluated
witness, counts per dimension and the raw quality score 100 × (1 − APT / words).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from transcompare.model import ORIGINAL, RESOLVED, SEVERITIES, Annotation, Project

SEVERITY_WEIGHTS: Mapping[str, float] = {"neutral": 0, "minor": 1, "major": 5, "critical": 25}
"""Current MQM scoring models."""
LEGACY_SEVERITY_WEIGHTS: Mapping[str, float] = {**SEVERITY_WEIGHTS, "critical": 10}
"""Older scorecards weigh a critical error 10."""
SEVERITY_LABELS: Mapping[str, str] = {s: s.capitalize() for s in SEVERITIES}

OTHER = "other"


@dataclass(frozen=True)
class Category:
    id: str
    label: str


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    subtypes: tuple[Category, ...] = ()


def _dimension(dimension_id: str, label: str, *subtypes: tuple[str, str]) -> Dimension:
    return Dimension(
        dimension_id,
        label,
        tuple(Category(f"{dimension_id}/{sub}", sub_label) for sub, sub_label in subtypes),
    )


TYPOLOGY: tuple[Dimension, ...] = (
    _dimension(
        "terminology",
        "Terminology",
        ("inconsistent-with-resource", "Inconsistent with terminology resource"),
        ("inconsistent-use", "Inconsistent use of terminology"),
        ("wrong-term", "Wrong term"),
    ),
    _dimension(
        "accuracy",
        "Accuracy",
        ("mistranslation", "Mistranslation"),
        ("over-translation", "Over-translation"),
        ("under-translation", "Under-translation"),
        ("addition", "Addition"),
        ("omission", "Omission"),
        ("do-not-translate", "Do-not-translate violated"),
        ("untranslated", "Untranslated"),
    ),
    _dimension(
        "linguistic",
        "Linguistic conventions",
        ("grammar", "Grammar"),
        ("punctuation", "Punctuation"),
        ("spelling", "Spelling"),
        ("unintelligible", "Unintelligible"),
        ("character-encoding", "Character encoding"),
    ),
    _dimension(
        "style",
        "Style",
        ("awkward", "Awkward"),
        ("unidiomatic", "Unidiomatic"),
        ("register", "Language register"),
        ("inconsistent-style", "Inconsistent style"),
        ("organizational-style", "Organizational or third-party style"),
    ),
    _dimension(
        "locale",
        "Locale conventions",
        ("number-format", "Number format"),
        ("currency-format", "Currency format"),
        ("measurement-format", "Measurement format"),
        ("time-format", "Time format"),
        ("date-format", "Date format"),
        ("address-format", "Address format"),
        ("telephone-format", "Telephone format"),
    ),
    _dimension(
        "audience",
        "Audience appropriateness",
        ("culture-specific-reference", "Culture-specific reference"),
    ),
    _dimension(
        "design",
        "Design and markup",
        ("layout", "Layout"),
        ("markup-tag", "Markup tag"),
        ("truncation", "Truncation"),
        ("missing-text", "Missing text"),
    ),
    Dimension(OTHER, "Other"),
)


def categories() -> list[Category]:
    """Every category in typology order, each dimension followed by its subtypes (for menus)."""
    result: list[Category] = []
    for dimension in TYPOLOGY:
        result.append(Category(dimension.id, dimension.label))
        result.extend(dimension.subtypes)
    return result


_LABELS = {category.id: category.label for category in categories()}
_DIMENSION_LABELS = {dimension.id: dimension.label for dimension in TYPOLOGY}


def is_category(category_id: str) -> bool:
    return category_id in _LABELS


def dimension_of(category_id: str) -> str:
    """The dimension id of a category id (``accuracy`` for ``accuracy/omission``)."""
    return category_id.split("/", 1)[0]


def category_label(category_id: str) -> str:
    """A readable label: ``Accuracy / Omission``; unknown ids are shown as they are."""
    dimension = _DIMENSION_LABELS.get(dimension_of(category_id))
    label = _LABELS.get(category_id)
    if dimension is None or label is None:
        return category_id
    return dimension if label == dimension else f"{dimension} / {label}"


# --- reading other tools' category names --------------------------------------------------------

_ALIASES = {
    "fluency": "linguistic",
    "linguistic conventions": "linguistic",
    "non fluent": "linguistic",
    "locale convention": "locale",
    "locale conventions": "locale",
    "audience appropriateness": "audience",
    "design and markup": "design",
    "non translation": "accuracy/untranslated",
    "untranslated text": "accuracy/untranslated",
    "source error": OTHER,
    "source issue": OTHER,
    "inappropriate for context": "terminology/wrong-term",
    "inconsistent use of terminology": "terminology/inconsistent-use",
    "inconsistency": "style/inconsistent-style",
    "language register": "style/register",
    "register": "style/register",
    "character encoding": "linguistic/character-encoding",
    "number format": "locale/number-format",
    "currency format": "locale/currency-format",
    "measurement format": "locale/measurement-format",
    "time format": "locale/time-format",
    "date format": "locale/date-format",
    "address format": "locale/address-format",
    "telephone format": "locale/telephone-format",
}


def _key(text: str) -> str:
    return re.sub(r"[\s_\-!.:]+", " ", text.lower()).strip()


def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for dimension in TYPOLOGY:
        table[_key(dimension.id)] = table[_key(dimension.label)] = dimension.id
        for sub in dimension.subtypes:
            table.setdefault(_key(sub.label), sub.id)
            table.setdefault(_key(sub.id.split("/", 1)[1]), sub.id)
    table.update({_key(name): category for name, category in _ALIASES.items()})
    return table


_LOOKUP = _lookup()


def category_from_label(label: str) -> str:
    """Our category id for another tool's category name, e.g. WMT's ``Fluency/Grammar`` →
    ``linguistic/grammar``. The most specific match wins: the subtype, else the dimension,
    else ``other``."""
    parts = [_key(part) for part in label.split("/") if _key(part)]
    for part in reversed(parts):
        if part in _LOOKUP:
            return _LOOKUP[part]
    return _LOOKUP.get(" ".join(parts), OTHER)


# --- scoring --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MqmSummary:
    """The MQM figures of one witness."""

    witness: str
    words: int
    issues: int
    penalty: float
    """Absolute penalty total (APT)."""
    per_thousand: float
    """APT per 1,000 words (0 for a witness without words)."""
    score: float
    """Raw quality score, 100 × (1 − APT / words); 100 for a witness without words."""
    by_dimension: Mapping[str, int]
    by_severity: Mapping[str, int]


def charged_witnesses(project: Project, annotation: Annotation) -> list[str]:
    """The witnesses an issue counts against: the translations it marks; an issue marked only on
    the original (an omission, say) counts against the project's single translation if there is
    exactly one, else against the witnesses it marks."""
    marked = list(dict.fromkeys(span.witness for span in annotation.spans))
    roles = {w.id: w.role for w in project.witnesses}
    translations = [w for w in marked if roles.get(w) != ORIGINAL]
    if translations:
        return translations
    others = [w.id for w in project.witnesses if w.role != ORIGINAL]
    return others if len(others) == 1 else marked


def mqm_summary(
    project: Project,
    witness_id: str,
    weights: Mapping[str, float] = SEVERITY_WEIGHTS,
    type_weights: Mapping[str, float] | None = None,
    include_resolved: bool = True,
) -> MqmSummary:
    """Score the issues charged to one witness.

    ``weights`` maps severities to penalties (a severity it lacks weighs 0); ``type_weights``
    maps a category or a dimension id to a multiplier (default 1).
    """
    type_weights = type_weights or {}
    words = project.witness(witness_id).word_count()
    by_dimension: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    penalty = 0.0
    for annotation in project.annotations:
        if annotation.state == RESOLVED and not include_resolved:
            continue
        if witness_id not in charged_witnesses(project, annotation):
            continue
        category = annotation.category
        type_weight = type_weights.get(category, type_weights.get(dimension_of(category), 1.0))
        penalty += weights.get(annotation.severity, 0.0) * type_weight
        by_dimension[dimension_of(category)] += 1
        by_severity[annotation.severity] += 1
    return MqmSummary(
        witness=witness_id,
        words=words,
        issues=sum(by_severity.values()),
        penalty=penalty,
        per_thousand=1000 * penalty / words if words else 0.0,
        score=100 * (1 - penalty / words) if words else 100.0,
        by_dimension=dict(by_dimension),
        by_severity=dict(by_severity),
    )
