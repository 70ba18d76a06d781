"""The few mkdocs.yml settings the generator needs (docs_dir, site_url, site_name)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses tags such as !ENV or !!python/name."""


def _ignore_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    """Folder holding mkdocs.yml; relative settings are resolved against it."""
    docs_dir: Path
    site_url: str
    site_name: str
    edit_base: str
    """Prefix of 'edit this page' links; a repository path is appended."""


def load_site_config(mkdocs_yml: Path) -> SiteConfig:
    """Read mkdocs.yml (MkDocs' own defaults where a key is missing)."""
    data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    root = mkdocs_yml.resolve().parent
    extra = data.get("extra") or {}
    return SiteConfig(root=root, docs_dir=root / data.get("docs_dir", "docs"),
                      site_url=str(data.get("site_url", "")).rstrip("/") + "/",
                      site_name=str(data.get("site_name", "")),
                      edit_base=str(extra.get("edit_base", "")))
