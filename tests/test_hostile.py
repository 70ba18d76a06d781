"""Hostile text: markup, script, template and Markdown syntax in records stay inert text.

One hostile content set (every kind of attack placed in a field that reaches a different part
of the site) is built once for the module; each page type and export is then read like a
browser or a wiki reads it. Text that cannot be made safe (non-http(s) URLs, YAML aliases) is
rejected with a located error instead: those cases run the generator only.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest
import yaml

from tests.conftest import Project, copy_project

# Each attack, as the text a record holds. Every one must come out as exactly this text.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ 7*7 }} {% if true %}x{% endif %} {# c #}"
HEADING = "# Not a heading"
PIPES = "a | b || c"
FENCE = "``` fence ~~~"
COMMENT = "<!-- open comment"
MD_LINK = "[link](javascript:alert(1))"
ATTR_LIST = "text {: onclick=x }"
EMPHASIS = "*emphasis* _under_ **bold**"
BREAK = "one<br>two"
ENTITIES = "&amp; &#60; &lt;b&gt; &copy"
LIST = "- not a list"
ORDERED = "1. not a list"
QUOTE = "> not a quote"
BLOCK = "<div>block</div>"
ABBREVIATION = "*[MLOps]: injected abbreviation"
SNIPPET = '--8<-- "mkdocs.yml"'
ESCAPES = r"back\slash \* ` tick ~~strike~~ ==mark== ^^ins^^"
QUOTES = "Tom & Jerry \"quoted\" 'single' <> end"
STYLE = "<style>body{display:none}</style>"
ANCHOR = '<a href="javascript:alert(1)">click</a>'
IFRAME = "<iframe src=javascript:alert(1)>"
ATTRIBUTE = '" onmouseover="alert(1)'
BREAKOUT = "\"><script>alert('out')</script>"
BOLD_TAG = "<b>bold</b> tool"
UNDERLINE = "Scope <u>under</u>"
PLAIN_URL = "javascript:alert(1)"
NAME = "LLM<img src=x onerror=alert(2)>Ops &amp;"
GLOSSARY_DEFINITION = SCRIPT + " defines " + MD_LINK + "."
SOURCE_URL = "https://example.com/a_(b)\"c'd<e>f?x=1&y=2#frag"
"""A valid http(s) URL full of characters that end links and attributes."""

# (file, field path, attack): where each attack goes in the content set.
PLACEMENTS: list[tuple[str, tuple[str | int, ...], str]] = [
    ("disciplines/mlops.yaml", ("full_name", "text"), COMMENT),
    ("disciplines/mlops.yaml", ("summary", "text"), HEADING),
    ("disciplines/mlops.yaml", ("primary_asset", "text"), PIPES),
    ("disciplines/mlops.yaml", ("emerged", "text"), FENCE),
    ("disciplines/mlops.yaml", ("builds_on", 0, "text"), JINJA),
    ("disciplines/mlops.yaml", ("scope", 0, "text"), SCRIPT),
    ("disciplines/mlops.yaml", ("scope", 1, "text"), IMG),
    ("disciplines/mlops.yaml", ("use_cases", 0, "text"), MD_LINK),
    ("disciplines/mlops.yaml", ("use_cases", 1, "text"), ATTR_LIST),
    ("disciplines/mlops.yaml", ("use_cases", 2, "text"), EMPHASIS),
    ("disciplines/mlops.yaml", ("use_cases", 3, "text"), BREAK),
    ("disciplines/mlops.yaml", ("use_cases", 4, "text"), ENTITIES),
    ("disciplines/mlops.yaml", ("limitations", 0, "text"), SNIPPET),
    ("disciplines/mlops.yaml", ("limitations", 1, "text"), LIST),
    ("disciplines/mlops.yaml", ("practices", 0, "text"), ORDERED),
    ("disciplines/mlops.yaml", ("practices", 1, "text"), QUOTE),
    ("disciplines/mlops.yaml", ("practices", 2, "text"), BLOCK),
    ("disciplines/mlops.yaml", ("practices", 3, "text"), ABBREVIATION),
    ("disciplines/mlops.yaml", ("practices", 4, "text"), ESCAPES),
    ("disciplines/mlops.yaml", ("practices", 5, "text"), QUOTES),
    ("disciplines/mlops.yaml", ("tools", 0, "name"), BOLD_TAG),
    ("disciplines/mlops.yaml", ("tools", 0, "text"), STYLE),
    ("disciplines/mlops.yaml", ("metrics", 0, "text"), PLAIN_URL),
    ("disciplines/mlops.yaml", ("roles", 0, "text"), ANCHOR),
    ("disciplines/mlops.yaml", ("sources", 0, "title"), IFRAME),
    ("disciplines/mlops.yaml", ("sources", 0, "publisher"), ATTRIBUTE),
    ("disciplines/mlops.yaml", ("sources", 0, "url"), SOURCE_URL),
    ("disciplines/llmops.yaml", ("name",), NAME),
    ("atlas.yaml", ("tagline",), BREAKOUT),
    ("atlas.yaml", ("start_here", 0, "if"), PIPES + " " + SCRIPT),
    ("dimensions.yaml", ("dimensions", 5, "label"), UNDERLINE),
    ("dimensions.yaml", ("dimensions", 5, "description"), ATTRIBUTE),
    ("glossary.yaml", ("terms", 0, "definition"), GLOSSARY_DEFINITION),
    ("glossary.yaml", ("terms", 1, "expansion"), IMG),
    ("glossary.yaml", ("terms", 1, "source", "title"), MD_LINK),
]


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def write_hostile_content(content: Path) -> None:
    """Put every attack into its field of the content set under `content`."""
    for file in sorted({file for file, _, _ in PLACEMENTS}):
        path = content / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for _, field, text in (p for p in PLACEMENTS if p[0] == file):
            _set(data, field, text)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6),
                        encoding="utf-8")


TOOL = f"{BOLD_TAG}: {STYLE}"
"""How the tool entry reads where it is one line (comparison cells, exports)."""
# The record's comparable texts, as each is shown: alone, or after a 'label: ' lead-in.
ENTRIES = [COMMENT, HEADING, PIPES, FENCE, JINJA, SCRIPT, IMG, MD_LINK, ATTR_LIST, EMPHASIS,
           BREAK, ENTITIES, SNIPPET, LIST, ORDERED, QUOTE, BLOCK, ABBREVIATION, ESCAPES, QUOTES,
           STYLE, PLAIN_URL, ANCHOR]
COMPARISON = [*ENTRIES, TOOL, UNDERLINE, NAME]
"""What every rendering of the comparison (pages, embed, exports) must show."""
EXPECTED: dict[str, tuple[str, list[str]]] = {
    "home": ("index.html", [BREAKOUT, PIPES + " " + SCRIPT, HEADING, COMMENT, NAME]),
    "disciplines": ("disciplines/index.html", [COMMENT, PIPES, NAME]),
    "discipline": ("disciplines/mlops/index.html", [*ENTRIES, BOLD_TAG, IFRAME, UNDERLINE, NAME]),
    "compare": ("compare/index.html", COMPARISON),
    "pair": ("compare/devops-vs-mlops/index.html", [*COMPARISON[:-1], HEADING, JINJA]),
    "glossary": ("glossary/index.html", [GLOSSARY_DEFINITION, MD_LINK, NAME]),
    "embed": ("embed/compare/index.html", COMPARISON),
    "404": ("404.html", [NAME]),
    "llmops": ("disciplines/llmops/index.html", [NAME]),
}
"""Page type -> (file, texts that must each be the whole text of an element there)."""

# Markup the attacks would create if any of them were interpreted: none may exist anywhere.
INJECTED = [
    "//*[@*[starts-with(name(), 'on')]]",
    "//script[not(@type) or @type = 'module' or contains(@type, 'javascript')]"
    "[contains(., 'alert')]",
    "//img[@src='x']",
    "//iframe[contains(@src, 'javascript')]",
    "//style[contains(., 'display:none')]",
    "//*[@href or @src or @action][starts-with(translate(normalize-space(@href | @src | "
    "@action), 'JAVSCRIPT', 'javscript'), 'javascript:')]",
    "//b[. = 'bold'] | //u[. = 'under'] | //div[. = 'block'] | //a[. = 'click']",
    "//em[. = 'emphasis'] | //strong[. = 'bold'] | //del[. = 'strike'] | //mark[. = 'mark']",
    "//*[self::h1 or self::h2 or self::h3 or self::h4][contains(., 'Not a heading')]",
    "//blockquote[contains(., 'not a quote')] | //li[normalize-space(.) = 'not a list']",
    "//pre[contains(., 'fence')] | //code[contains(., 'fence')]",
    "//abbr[contains(@title, 'injected abbreviation')]",
    "//comment()[contains(., 'open comment')]",
    "//*[contains(text(), 'edit_base:')]",  # the snippet line included mkdocs.yml
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real project with every attack in its content, generated and built once."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    write_hostile_content(project.content)
    project.build_site()
    return project


def fold(text: str) -> str:
    return " ".join(text.split())


def element_texts(document: Any) -> set[str]:
    """The text of every element as a reader sees it (citation numbers and ¶ marks left out)."""
    document = copy.deepcopy(document)
    for mark in document.xpath("//sup[contains(@class, 'atlas-cite')] | //a[contains(@class, "
                               "'headerlink') or contains(@class, 'atlas-permalink')]"):
        mark.drop_tree()
    return {fold(element.text_content()) for element in document.iter()
            if isinstance(element.tag, str)}


def missing_texts(texts: set[str], expected: list[str]) -> list[str]:
    """Expected texts that no element shows whole (alone, or after a 'label: ' lead-in)."""
    return [text for text in expected
            if text not in texts and not any(t.endswith(": " + text) for t in texts)]


def injected_markup(document: Any) -> list[str]:
    """Elements, attributes or comments that an attack would have created, and data blocks
    (`<script type="application/json">`) that text broke out of."""
    found = [f"{query} -> {lxml.etree.tostring(hit)[:120]!r}"
             for query in INJECTED for hit in document.xpath(query)]
    return found + [f"broken JSON data block {block.get('id')}"
                    for block in document.xpath("//script[@type = 'application/json']")
                    if not _is_json(block.text or "")]


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("page_type", EXPECTED)
def test_page_shows_every_attack_as_its_own_text(hostile: Project, page_type: str) -> None:
    file, expected = EXPECTED[page_type]
    document = lxml.html.fromstring((hostile.site / file).read_bytes())
    assert missing_texts(element_texts(document), expected) == []
    assert injected_markup(document) == []


def test_no_page_of_the_site_carries_injected_markup(hostile: Project) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 20
    found = {page.relative_to(hostile.site).as_posix(): injected_markup(
        lxml.html.fromstring(page.read_bytes())) for page in pages}
    assert {page: marks for page, marks in found.items() if marks} == {}


def test_head_and_metadata_carry_the_text(hostile: Project) -> None:
    home = lxml.html.fromstring((hostile.site / "index.html").read_bytes())
    assert home.xpath("//meta[@name='description']/@content") == [BREAKOUT]
    llmops = lxml.html.fromstring((hostile.site / "disciplines/llmops/index.html").read_bytes())
    assert llmops.xpath("//title/text()")[0].startswith(NAME + ": ")
    assert fold(llmops.xpath("string(//*[@data-md-component='header-topic'])")).startswith(NAME)
    mlops = lxml.html.fromstring((hostile.site / "disciplines/mlops/index.html").read_bytes())
    assert mlops.xpath("//meta[@name='description']/@content") == [HEADING]


def test_source_links_keep_their_url_and_text(hostile: Project) -> None:
    page = lxml.html.fromstring((hostile.site / "disciplines/mlops/index.html").read_bytes())
    link = page.get_element_by_id("sources-article").xpath(".//a")[0]
    assert fold(link.text_content()) == IFRAME
    assert link.get("href") == SOURCE_URL.replace("<", "%3C").replace(">", "%3E")
    row = page.get_element_by_id("sources-article")
    assert f"{IFRAME}, {ATTRIBUTE}," in fold(row.text_content())


def test_row_descriptions_stay_inside_their_attribute(hostile: Project) -> None:
    page = lxml.html.fromstring((hostile.site / "compare/index.html").read_bytes())
    label = page.get_element_by_id("scope")
    assert fold(label.text_content()) == UNDERLINE
    assert label.get("title") == ATTRIBUTE


def test_search_index_holds_inert_text(hostile: Project) -> None:
    """Material puts search titles and text into the page as HTML: they must be escaped."""
    index = json.loads((hostile.site / "search/search_index.json").read_text(encoding="utf-8"))
    fragments = [lxml.html.fragment_fromstring(doc[key] or "-", create_parent="div")
                 for doc in index["docs"] for key in ("title", "text")]
    assert [mark for fragment in fragments for mark in injected_markup(fragment)] == []
    text = " ".join(fold(fragment.text_content()) for fragment in fragments)
    assert [part for part in (NAME, SCRIPT, IMG, COMMENT, ANCHOR) if part not in text] == []


def _pandoc_html(reader: str) -> Any:
    def render(data: bytes) -> Any:
        if not shutil.which("pandoc"):
            pytest.fail("pandoc is needed to read the wiki exports (apt-get install pandoc)",
                        pytrace=False)
        html = subprocess.run(["pandoc", "-f", reader, "-t", "html"], input=data,
                              capture_output=True, check=True, timeout=60).stdout
        return lxml.html.fromstring(b"<div>" + html + b"</div>")
    return render


def _xml(data: bytes) -> Any:
    return lxml.etree.fromstring(data, lxml.etree.XMLParser(recover=False, resolve_entities=False,
                                                            no_network=True))


def _json_text(data: bytes) -> Iterator[str]:
    def walk(value: object) -> Iterator[str]:
        if isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif isinstance(value, str):
            yield value
    yield from walk(json.loads(data))


# Each export format and how a reader of it turns the file into text: a parsed document to
# search for injected markup, or plain strings. Jira and AsciiDoc have no faithful reader here.
READERS: dict[str, Any] = {
    "html": lambda data: lxml.html.fromstring(data),
    "md": _pandoc_html("gfm"),
    "mediawiki": _pandoc_html("mediawiki"),
    "rst": _pandoc_html("rst-smart"),
    "confluence.xml": _xml,
    "svg": _xml,
    "json": lambda data: list(_json_text(data)),
    "csv": lambda data: [cell for row in csv.reader(io.StringIO(data.decode("utf-8")))
                         for cell in row],
}


def _export_texts(read: Any) -> tuple[str, list[str]]:
    if isinstance(read, list):
        return " \n ".join(fold(text) for text in read), []
    return fold(" ".join(read.itertext())), injected_markup(read)


@pytest.mark.parametrize("export", ["comparison", "devops-vs-mlops"])
@pytest.mark.parametrize("extension", READERS)
def test_exports_carry_the_same_inert_text(hostile: Project, extension: str,
                                           export: str) -> None:
    path = hostile.site / "exports" / f"{export}.{extension}"
    assert path.is_file(), f"{path.name} is not published"
    text, injected = _export_texts(READERS[extension](path.read_bytes()))
    # JSON keeps a tool's name and text apart; every other format joins them as on the pages.
    expected = [BOLD_TAG, *(part for part in COMPARISON if part != TOOL)]
    if export != "comparison":
        expected.remove(NAME)  # not one of the pair
    assert [part for part in expected if fold(part) not in text] == []
    assert injected == []


# Text that cannot be made safe is refused, located at the value: (case, file, the line's
# current text, YAML for the new value, field, start of the message).
_URL = "expected an http(s) URL, got "
REJECTED = [
    ("javascript", "disciplines/mlops.yaml", "url: https://mlflow.org/",
     "javascript:alert(1)", "tools[0].url", _URL),
    ("mixed-case", "disciplines/mlops.yaml", "url: https://mlflow.org/",
     "JavaScript:alert(1)", "tools[0].url", _URL),
    ("leading-space", "disciplines/mlops.yaml", "url: https://mlflow.org/",
     " javascript:alert(1)", "tools[0].url", _URL),
    ("tab-inside", "disciplines/mlops.yaml", "url: https://mlflow.org/",
     "java\tscript:alert(1)", "tools[0].url", _URL),
    ("data", "disciplines/mlops.yaml", "url: https://blog.soumendrak.com/",
     "data:text/html,<script>alert(1)</script>", "sources[0].url", _URL),
    ("vbscript", "disciplines/mlops.yaml", "url: https://blog.soumendrak.com/",
     "vbscript:msgbox(1)", "sources[0].url", _URL),
    ("protocol-relative", "disciplines/mlops.yaml", "url: https://blog.soumendrak.com/",
     "//evil.example/", "sources[0].url", _URL),
    ("trailing-newline", "disciplines/mlops.yaml", "url: https://mlflow.org/",
     "https://mlflow.org/\n", "tools[0].url", _URL),
    ("glossary-source", "glossary.yaml", "url: https://en.wikipedia.org/wiki/A/B_testing",
     "javascript:alert(1)", "terms[0].source.url", _URL),
    ("id-with-newline", "disciplines/mlops.yaml", "- id: model-lifecycle",
     "model-lifecycle\n", "scope[0].id", "expected a lowercase id"),
    ("control-character", "disciplines/mlops.yaml", 'text: "Manages the full lifecycle',
     "Manages\0 the full lifecycle", "scope[0].text", "text holds U+0000"),
    ("terminal-escape", "disciplines/mlops.yaml", 'text: "Manages the full lifecycle',
     "Manages \x1b[31m the full lifecycle", "scope[0].text", "text holds U+001B"),
]


def replace_value(path: Path, line_text: str, value: str) -> tuple[int, int]:
    """Give the first line starting with `line_text` a new value, written as a double-quoted
    YAML scalar; returns the value's 1-based line and column."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(line_text))
    key, _ = lines[index].split(": ", 1)
    lines[index] = f"{key}: {json.dumps(value)}"  # JSON strings are YAML double-quoted ones
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1, len(key) + 3


def run_generator(project: Project, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`build_pages.py --content ... --docs ...` in this process: (exit status, stderr)."""
    from opsatlas.cli import main

    monkeypatch.chdir(project.root)
    status = main(["--content", str(project.content), "--docs", str(project.docs)])
    return status, capsys.readouterr().err


@pytest.mark.parametrize(("file", "line_text", "value", "field", "message"),
                         [case[1:] for case in REJECTED], ids=[case[0] for case in REJECTED])
def test_unsafe_text_is_rejected_with_its_location(
        project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        file: str, line_text: str, value: str, field: str, message: str) -> None:
    line, column = replace_value(project.content / file, line_text, value)
    status, errors = run_generator(project, monkeypatch, capsys)
    assert status == 1
    assert errors.splitlines()[0].startswith(
        f"content/{file}:{line}:{column}: {field}: {message}"), errors
    assert errors.splitlines()[-1] == "1 problem in 1 file."
    assert not project.docs.exists()  # nothing was written


def billion_laughs(levels: int = 10) -> str:
    """A record whose aliases would expand to 10**levels strings if they were followed."""
    lines = ["id: mlops", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", '
                          '"lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_refused_at_its_first_alias(project: Project) -> None:
    (project.content / "disciplines/mlops.yaml").write_text(billion_laughs(), encoding="utf-8")
    # No timing assertion: the timeout only keeps a regression from hanging the suite.
    result = subprocess.run([sys.executable, "build_pages.py"], cwd=project.root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first == ("content/disciplines/mlops.yaml:3:10: a1[0]: YAML anchors and aliases are "
                     "not supported; write the value out"), result.stderr
    assert re.fullmatch(r"\d+ problems in 1 file\.", result.stderr.splitlines()[-1])
