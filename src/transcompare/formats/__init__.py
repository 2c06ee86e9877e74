"""Files in and out: the TEI project file (:mod:`.tei`), exports (TEI for publication, TMX,
XLIFF, TSV, HTML report), imported MQM evaluations, TEI validation, atomic saving and autosave.
:mod:`.convert` is the one entry point for reading any input and writing any export; all XML is
parsed through :mod:`.xmlsafe`."""
