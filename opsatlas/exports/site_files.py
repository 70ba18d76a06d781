"""MkDocs glue for the exports: Markdown exports are files to download, not pages."""

from __future__ import annotations

from mkdocs.structure.files import Files

from .. import urls
from .publish import RAW_SUFFIX


def serve_raw_markdown(files: Files) -> Files:
    """Publish docs/exports/*.md.txt as /exports/*.md, byte for byte.

    A `.md` file in docs/ would be rendered as a page (and counted as one); under its
    `.txt` name MkDocs copies it, and here it gets its public name back."""
    for file in files:
        if file.src_uri.startswith(urls.EXPORTS_DIR) and file.src_uri.endswith(
                ".md" + RAW_SUFFIX):
            file.dest_uri = file.src_uri.removesuffix(RAW_SUFFIX)
            file.url = file.dest_uri
    return files
