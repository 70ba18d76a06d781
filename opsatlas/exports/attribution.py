"""Where an export comes from: site, canonical page, content version and date."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..comparison import ComparisonTable
from ..model import AtlasInfo
from ..site_config import SiteConfig


@dataclass(frozen=True)
class Attribution:
    """The credit every export carries (caption, footnote row or comment)."""

    site_name: str
    site_url: str
    """Absolute URL of the site's root, ending in '/'."""
    url: str
    """Absolute URL of the canonical page: /compare/ or /compare/<a>-vs-<b>/."""
    title: str
    """What the table shows, e.g. 'DevOps vs MLOps' or 'Compare all disciplines'."""
    version: str
    """Content version from atlas.yaml, e.g. '2026.11'."""
    updated: str
    """Content date from atlas.yaml (YYYY-MM-DD)."""
    scope: str = ""
    """What a cut table leaves out, e.g. 'the first 12 of the 1,000 disciplines' ('' if nothing)."""

    @property
    def caption(self) -> str:
        """A caption line: 'Ops Atlas: DevOps vs MLOps'."""
        return f"{self.site_name}: {self.title}"

    @property
    def edition(self) -> str:
        """'content version 2026.11, updated 2026-11-29', then the scope of a cut table."""
        edition = f"content version {self.version}, updated {self.updated}"
        return f"{edition}; {self.scope}" if self.scope else edition

    @property
    def credit(self) -> str:
        """The whole credit as one plain line, URL spelled out."""
        return f"Source: {self.site_name} ({self.url}), {self.edition}."


def build_attribution(table: ComparisonTable, info: AtlasInfo, site: SiteConfig) -> Attribution:
    """The credit of `table`: a pair's page when it has two disciplines, else /compare/."""
    if len(table.disciplines) == 2:
        page = urls.pair_url(*(d.id for d in table.disciplines))
    else:
        page = urls.COMPARE_URL
    return Attribution(site.site_name, site.site_url, site.site_url + page, table_title(table),
                       info.version, info.updated)


def table_title(table: ComparisonTable) -> str:
    """'DevOps vs MLOps', or 'DevOps, MLOps and LLMOps compared'."""
    names = [d.name for d in table.disciplines]
    if len(names) <= 2:
        return " vs ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]} compared"
