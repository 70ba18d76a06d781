"""Every export format: its name on the command line, file extension and exporter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..comparison import ComparisonTable
from .asciidoc import to_asciidoc
from .attribution import Attribution
from .confluence import to_confluence
from .csv_export import to_csv
from .html_table import to_html
from .jira import to_jira
from .json_export import to_json
from .markdown import to_markdown
from .mediawiki import to_mediawiki
from .rst import to_rst
from .svg import to_svg

Exporter = Callable[[ComparisonTable, Attribution], str]


@dataclass(frozen=True)
class ExportFormat:
    """One format: `--format` name, extension of its files, and the function writing it."""

    name: str
    extension: str
    """Without the dot: /exports/comparison.<extension>."""
    export: Exporter
    description: str


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("md", "md", to_markdown, "GitHub-flavoured Markdown"),
    ExportFormat("mediawiki", "mediawiki", to_mediawiki, "MediaWiki wikitable"),
    ExportFormat("confluence", "confluence.xml", to_confluence,
                 "Confluence storage format (XHTML)"),
    ExportFormat("jira", "jira.txt", to_jira, "Confluence/Jira wiki markup"),
    ExportFormat("html", "html", to_html, "HTML fragment (one <table>, inline styles)"),
    ExportFormat("adoc", "adoc", to_asciidoc, "AsciiDoc"),
    ExportFormat("rst", "rst", to_rst, "reStructuredText list-table"),
    ExportFormat("csv", "csv", to_csv, "CSV (RFC 4180, UTF-8)"),
    ExportFormat("json", "json", to_json, "JSON (records and dimensions)"),
    ExportFormat("svg", "svg", to_svg, "SVG image (light and dark)"),
)}
"""Every format by its `--format` name, in the order they are listed to users."""
