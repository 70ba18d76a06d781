"""The generator's recipe: load -> validate -> model -> view -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .abbreviations import abbreviations
from .comparison import build_comparison
from .content import load_atlas
from .freshness import BuildInputs, Remembered, fingerprint_inputs, write_stamp
from .output import StagedFiles, TreeChanges, finish_tree, open_tree, plan_tree, release_tree
from .pages import nav, plan_pages
from .redirects import build_redirects
from .render import PageRenderer
from .scale import own_card
from .site_config import SiteConfig
from .work import (
    WRITE_COST,
    Work,
    balance,
    make_files,
    merge_files,
    page_work,
    published_work,
    stream_files,
)
from .workers import job_count, map_parts, map_streamed

COST_PER_JOB = 300
"""Work (in page renders, ~0.1 s) a process must have before another is forked for the rest."""


@dataclass(frozen=True)
class Generated:
    """What a run produced: the docs tree's changes and what MkDocs needs from it."""

    changes: TreeChanges
    report: Remembered
    """Sidebar, content date, redirects and tooltips for MkDocs (kept in the stamp for no-op
    runs)."""


def generate(content_dir: Path, docs_dir: Path, templates_dir: Path, site: SiteConfig, *,
             check: bool = False) -> Generated:
    """Build every page and file from `content_dir` into `docs_dir` (or only compare)."""
    atlas = load_atlas(content_dir)  # raises ContentError before anything is written
    table = build_comparison(atlas)
    plans = plan_pages(atlas, table, site)
    renderer = PageRenderer(templates_dir)
    work = [*page_work(plans, renderer, site, partial(own_card, page_count=len(plans))),
            *published_work(atlas, table, site, templates_dir)]
    jobs = job_count(round(sum(w.cost for w in work)), COST_PER_JOB)
    if check:
        changes = plan_tree(docs_dir, merge_files(map_parts(make_files, balance(work, jobs))))
    else:  # this process writes every file as it arrives: it makes fewer
        changes = _write(docs_dir, balance(work, jobs, first_carries=WRITE_COST * len(work)))
    return Generated(changes, Remembered(changes.total, nav(atlas), atlas.info.updated,
                                         build_redirects(atlas), abbreviations(atlas.glossary)))


def _write(docs_dir: Path, parts: list[list[Work]]) -> TreeChanges:
    """Make the parts on every core, writing each file here as it arrives; a failure anywhere
    leaves the tree as it was."""
    tree = open_tree(docs_dir)
    files = StagedFiles(tree)
    try:
        map_streamed(stream_files, parts, files.add)
    except BaseException:
        files.abandon()
        release_tree(tree)
        raise
    return finish_tree(tree, files.commit())


def generate_stamped(inputs: BuildInputs, site: SiteConfig) -> Generated:
    """generate(), then stamp the docs directory so that the same run again is a no-op."""
    before = fingerprint_inputs(inputs)  # before reading: an edit during the run is seen next
    result = generate(inputs.content, inputs.docs, inputs.templates, site)
    write_stamp(inputs, before, result.report)
    return result
