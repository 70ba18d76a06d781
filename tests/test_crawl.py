"""Link-tight: a crawl of the built site finds no broken link or fragment, and no stray host.

The crawl starts at the home page (and the 404 page, which nothing links to) and follows every
href, src, srcset, form action, meta refresh and CSS url() that stays on the site, including
redirect stubs, exports, the embed view and the glossary. The only links that may leave the site
are the URLs written in content/ (sources, tool homepages) and 'edit this page' links.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html
import pytest
import yaml

from opsatlas.site_config import load_site_config
from tests.conftest import Project

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_URL_META = ("og:url", "og:image", "twitter:image")
_JS_TARGET = re.compile(r'location\.href="([^"]+)"')  # mkdocs-redirects' script


@dataclass(frozen=True)
class Link:
    """One reference found on the site: where it stands and what it says."""

    source: str
    """Site-relative path of the file it was found in."""
    where: str
    """Element and attribute, e.g. 'a[href]'."""
    url: str
    """Absolute URL (resolved against the site's URL)."""

    def __str__(self) -> str:
        return f"{self.source}: {self.where}={self.url}"


@dataclass
class Crawl:
    """What a crawl of one built site found."""

    site: Path
    site_url: str
    files: set[str] = field(default_factory=set)
    """Every site file reached (site-relative paths)."""
    internal: list[Link] = field(default_factory=list)
    external: list[Link] = field(default_factory=list)
    other: list[Link] = field(default_factory=list)
    """javascript:, mailto: and other schemes that are not http(s) or data:."""
    missing: list[str] = field(default_factory=list)
    """Links whose file does not exist."""
    broken_fragments: list[str] = field(default_factory=list)
    fragments_checked: int = 0
    from_home: frozenset[str] = frozenset()
    """Files reached by following links from the home (and 404) page."""
    _ids: dict[str, set[str]] = field(default_factory=dict)

    def run(self, *starts: str) -> Crawl:
        """Crawl from the given site-relative files."""
        queue = deque(starts)
        self.files.update(starts)
        while queue:
            for link in self.links_in(queue.popleft()):
                target = self.check(link)
                if target and target not in self.files:
                    self.files.add(target)
                    queue.append(target)
        return self

    def links_in(self, path: str) -> list[Link]:
        """Every reference in one file (HTML and CSS; other files hold none we follow)."""
        base = self.site_url + path
        if path.endswith(".css"):
            text = (self.site / path).read_text(encoding="utf-8")
            return [Link(path, "url()", urljoin(base, m.group(2))) for m in _CSS_URL.finditer(text)]
        if not path.endswith(".html"):
            return []
        document = self.parse(path)
        links = [Link(path, f"{el.tag}[{attr}]", urljoin(base, url.strip()))
                 for el, attr, url, _ in document.iterlinks()
                 if not (el.tag == "meta" and attr == "content" and
                         el.get("http-equiv", "").lower() != "refresh")]
        links += [Link(path, f"meta[{el.get('property') or el.get('name')}]",
                       urljoin(base, el.get("content", "")))
                  for el in document.iter("meta")
                  if (el.get("property") or el.get("name")) in _URL_META]
        for element in document.xpath("//*[@srcset]"):
            links += [Link(path, f"{element.tag}[srcset]", urljoin(base, part.split()[0]))
                      for part in element.get("srcset").split(",") if part.strip()]
        return links

    def check(self, link: Link) -> str | None:
        """Sort one link; for an internal one check file and fragment, return its file."""
        scheme = urlsplit(link.url).scheme.lower()
        if scheme == "data":
            return None
        if scheme not in ("http", "https"):
            self.other.append(link)
            return None
        if not link.url.startswith(self.site_url):
            self.external.append(link)
            return None
        self.internal.append(link)
        parts = urlsplit(link.url[len(self.site_url):])
        target = self.file_for(unquote(parts.path))
        if target is None:
            self.missing.append(str(link))
            return None
        if parts.fragment:
            self.fragments_checked += 1
            if unquote(parts.fragment) not in self.ids(target):
                self.broken_fragments.append(str(link))
        return target

    def file_for(self, path: str) -> str | None:
        """The file a static host serves for a site-relative URL path, or None."""
        for candidate in (path, f"{path.rstrip('/')}/index.html".lstrip("/")):
            if candidate and (self.site / candidate).is_file():
                return candidate
        return None

    def ids(self, path: str) -> set[str]:
        """Every id (and anchor name) in an HTML file: what a fragment can land on."""
        if path not in self._ids:
            found: set[str] = set()
            if path.endswith(".html"):
                document = self.parse(path)
                found = {*document.xpath("//@id"), *document.xpath("//a/@name")}
            self._ids[path] = found
        return self._ids[path]

    def parse(self, path: str) -> Any:
        return lxml.html.fromstring((self.site / path).read_bytes())

    @cached_property
    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html"))


def content_urls(content: Path) -> set[str]:
    """Every http(s) URL written in the content records: the only outside links allowed."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(("http://", "https://")):
            found.add(value)

    for path in sorted(content.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def is_redirect_stub(crawl: Crawl, path: str) -> bool:
    return bool(crawl.parse(path).xpath("//meta[@http-equiv='refresh']"))


@pytest.fixture(scope="module")
def crawl(built_site: Project) -> Crawl:
    """The site crawled from its home and 404 pages, then from every page not reached."""
    site_url = load_site_config(built_site.root / "mkdocs.yml").site_url
    crawl = Crawl(built_site.site, site_url).run("index.html", "404.html")
    crawl.from_home = frozenset(crawl.files)
    return crawl.run(*(path for path in crawl.html_files if path not in crawl.files))


@pytest.fixture(scope="module")
def edit_base(built_site: Project) -> str:
    return load_site_config(built_site.root / "mkdocs.yml").edit_base


def test_every_internal_link_finds_its_file(crawl: Crawl) -> None:
    assert crawl.missing == []
    assert len(crawl.internal) > 1000  # the crawl really walked the site


def test_every_fragment_lands_on_an_element(crawl: Crawl) -> None:
    assert crawl.broken_fragments == []
    assert crawl.fragments_checked > 100


def test_nothing_but_content_urls_and_edit_links_leave_the_site(
        crawl: Crawl, built_site: Project, edit_base: str) -> None:
    allowed = content_urls(built_site.content)
    stray = sorted({str(link) for link in crawl.external
                    if link.url not in allowed and not link.url.startswith(edit_base)})
    assert stray == []
    assert crawl.other == []  # no javascript:, mailto:, ... anywhere


def test_every_source_is_linked_from_the_site(crawl: Crawl, built_site: Project) -> None:
    linked = {link.url for link in crawl.external}
    sources = {s["url"] for p in sorted(built_site.content.glob("disciplines/*.yaml"))
               for s in yaml.safe_load(p.read_text(encoding="utf-8"))["sources"]}
    assert sources - linked == set()


def test_every_page_in_the_sitemap_is_reached_by_links(crawl: Crawl) -> None:
    sitemap = lxml.etree.parse(str(crawl.site / "sitemap.xml"))
    locations = sitemap.xpath("//*[local-name()='loc']/text()")
    assert locations
    pages = [crawl.file_for(unquote(url[len(crawl.site_url):])) for url in locations
             if url.startswith(crawl.site_url)]
    assert len(pages) == len(locations), "a sitemap URL is outside the site"
    assert sorted(p for p in pages if p and p not in crawl.from_home) == []


def test_search_results_point_at_existing_places(crawl: Crawl) -> None:
    index = json.loads((crawl.site / "search/search_index.json").read_text(encoding="utf-8"))
    links = [Link("search/search_index.json", "location", crawl.site_url + doc["location"])
             for doc in index["docs"]]
    before = (len(crawl.missing), len(crawl.broken_fragments))
    for link in links:
        crawl.check(link)
    assert crawl.missing[before[0]:] == []
    assert crawl.broken_fragments[before[1]:] == []


def test_every_redirect_lands_on_a_page(crawl: Crawl) -> None:
    stubs = [path for path in crawl.html_files if is_redirect_stub(crawl, path)]
    assert stubs, "no redirect stubs: aliases are not published"
    for stub in stubs:
        targets = [crawl.check(link) for link in crawl.links_in(stub)
                   if link.where == "meta[content]"]
        assert len(targets) == 1 and targets[0], f"{stub} redirects nowhere"
        assert not is_redirect_stub(crawl, targets[0]), f"{stub} redirects to a redirect"
        script = " ".join(crawl.parse(stub).xpath("//script/text()"))
        refresh = crawl.parse(stub).xpath("//meta[@http-equiv='refresh']/@content")[0]
        assert _JS_TARGET.findall(script) == [refresh.split("url=", 1)[1]], stub


def test_the_crawler_sees_every_kind_of_breakage(tmp_path: Path) -> None:
    """The checks above can fail: a small site with one fault of each kind."""
    (tmp_path / "style.css").write_text("a { background: url('gone.png') }", encoding="utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page/index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><a href="page/#here">ok</a>'
        '<a href="page/#nowhere">bad fragment</a><a href="missing/">missing</a>'
        '<a href="https://evil.example/">outside</a><a href="javascript:alert(1)">js</a>'
        '<img srcset="page/ 1x, lost.png 2x">', encoding="utf-8")
    crawl = Crawl(tmp_path, "https://site.example/").run("index.html")
    assert crawl.missing == ["index.html: a[href]=https://site.example/missing/",
                             "index.html: img[srcset]=https://site.example/lost.png",
                             "style.css: url()=https://site.example/gone.png"]
    assert crawl.broken_fragments == ["index.html: a[href]=https://site.example/page/#nowhere"]
    assert [link.url for link in crawl.external] == ["https://evil.example/"]
    assert [link.url for link in crawl.other] == ["javascript:alert(1)"]
    assert crawl.files == {"index.html", "style.css", "page/index.html"}
