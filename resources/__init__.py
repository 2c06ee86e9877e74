"""Data shipped with TransCompare (schemas, tables, styles), read with importlib.resources."""
