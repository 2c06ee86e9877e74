"""The archive layout: a metadata header in front of the text, as digital archives export it.

    October 18, 1962                    <- date
    From the cable on the conversation  <- title
    Citation:                           <- a label, alone or followed by its value
    "From the cable …", October 18, …   <- the label's value (one or more paragraphs)
    Summary: / Credits: / Original Language: / Contents: …
    Translation - English               <- the last value; the body starts after it

A file is taken to have this layout when at least three of the core labels open paragraphs
near its start, so ordinary text that happens to hold one "Summary:" is not cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CORE_LABELS = ("citation", "summary", "credits", "original language", "contents")
_LABEL_KEYS = {
    **{label: label.replace(" ", "_") for label in _CORE_LABELS},
    "original archive": "original_archive",
    "source": "source",
    "rights": "rights",
    "keywords": "keywords",
    "translated by": "translator",
    "translator": "translator",
}
_LABEL = re.compile(
    r"(?P<label>" + "|".join(sorted(_LABEL_KEYS, key=len, reverse=True)) + r")\s*:\s*(?P<value>.*)",
    re.IGNORECASE | re.DOTALL,
)
_LEAST_CORE_LABELS = 3
_HEADER_SEARCH = 24
"""How many paragraphs from the start may hold the header's labels."""

_YEAR = re.compile(r"\b(?:1[0-9]|20)\d\d\b")
_LONGEST_DATE = 40
# An item of "Contents:" such as "Translation - English", "Original Scan".
_CONTENTS_ITEM = re.compile(r"[\w-]+(?: [\w()-]+)* - [\w()' -]+|Original(?: \w+)?", re.IGNORECASE)
_LONGEST_CONTENTS_ITEM = 60


def split_archive_header(paragraphs: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The header's metadata and the body's paragraphs; no metadata when there is no header."""
    labels = _labels(paragraphs)
    core = {match["label"].lower() for _, match in labels} & set(_CORE_LABELS)
    if len(core) < _LEAST_CORE_LABELS:
        return {}, list(paragraphs)
    metadata = _date_and_title(paragraphs[: labels[0][0]])
    body_start = len(paragraphs)
    for number, (index, match) in enumerate(labels):
        key = _LABEL_KEYS[match["label"].lower()]
        first_value = [match["value"].strip()] if match["value"].strip() else []
        if number + 1 < len(labels):
            values = first_value + list(paragraphs[index + 1 : labels[number + 1][0]])
        else:
            values, body_start = _last_value(paragraphs, index + 1, first_value, key)
        metadata[key] = "\n".join(values)
    return metadata, list(paragraphs[body_start:])


def _labels(paragraphs: Sequence[str]) -> list[tuple[int, re.Match[str]]]:
    """The label paragraphs near the start, up to "Contents:" (the header's last label)."""
    labels = []
    for index, paragraph in enumerate(paragraphs[:_HEADER_SEARCH]):
        match = _LABEL.fullmatch(paragraph)
        if match:
            labels.append((index, match))
            if match["label"].lower() == "contents":
                break
    return labels


def _date_and_title(paragraphs: Sequence[str]) -> dict[str, str]:
    """The date (a short paragraph with a year) and the title (the rest) above the labels."""
    dates = [p for p in paragraphs if len(p) <= _LONGEST_DATE and _YEAR.search(p)]
    titles = [p for p in paragraphs if p not in dates]
    found = {}
    if dates:
        found["date"] = dates[0]
    if titles:
        found["title"] = "\n".join(titles)
    return found


def _last_value(
    paragraphs: Sequence[str], start: int, values: list[str], key: str
) -> tuple[list[str], int]:
    """The last label's value and where the body starts.

    The value is one paragraph (unless it stood on the label's line), and for "Contents:" any
    further paragraphs that look like items of the list ("Original Scan").
    """
    position = start
    if not values and position < len(paragraphs):
        values = [paragraphs[position]]
        position += 1
    while (
        key == "contents"
        and position < len(paragraphs)
        and len(paragraphs[position]) <= _LONGEST_CONTENTS_ITEM
        and _CONTENTS_ITEM.fullmatch(paragraphs[position])
    ):
        values.append(paragraphs[position])
        position += 1
    return values, position
