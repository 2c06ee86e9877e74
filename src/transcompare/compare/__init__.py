"""Where the versions of a document say different things.

Entry points (each works on one row, caches by content, and can be asked for visible rows only):

* :func:`divergence.row_diff` — the word diff of a row between two witnesses in one language,
  as classified :class:`divergence.Change` records with per-sentence spans, and its score;
  :func:`divergence.row_divergence` and :func:`divergence.document_divergence` give scores,
  :func:`divergence.row_diffs` the diffs of every row at once.
* :func:`crosslingual.row_unmatched` — the words, names and numbers of a row with no
  counterpart in a witness of another language.
* :func:`threeway.row_three_way` — an original and two translations: their diff, and which
  translation is closer to the original.
* :mod:`.qa` — the QA checks: ``run_checks``, ``Finding``, ``finding_to_annotation``.

The stages follow each other as in CollateX: tokens (:mod:`.tokens`, :mod:`.cells`) → evidence
(:mod:`.lexicon`, :mod:`.numbers`, :mod:`.translit`, :mod:`.names`, :mod:`.embeddings`,
:mod:`.dictionary`) → comparison (:mod:`.worddiff`, :mod:`.divergence`, :mod:`.crosslingual`,
:mod:`.threeway`) → checks (:mod:`.qa`). Nothing heavy happens at import: the morphology
analysers, the embedding model and the optional dictionary load on first use.

Work is shared and done once: what is worked out from one sentence (its tokens, numbers, names,
content words, vocabulary) is cached by the sentence's text, as plain tuples where there are
many of them, and what is worked out for a cell or a row is cached by the cell's content. The
QA checks therefore share it, the UI asks for the visible rows only, and a run after an edit
redoes only the edited rows. Whole-document runs pause the cyclic garbage collector
(:mod:`.bulk`).
"""
