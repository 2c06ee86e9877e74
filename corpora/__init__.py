"""Documents bundled with TransCompare, one folder each with its provenance."""
