"""Element names without namespaces, for the readers that accept several XML dialects.

TEI comes namespaced or not, and .docx in transitional or strict OOXML namespaces; matching
local names lets one reader serve every variant.
"""

from __future__ import annotations

from lxml import etree


def local_name(element: etree._Element) -> str:
    """The element's name without namespace; "" for comments and processing instructions."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""
