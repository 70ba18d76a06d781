#!/usr/bin/env python3
"""Write a valid synthetic content set of N disciplines, for benchmarks and scale tests.

    python benchmarks/synth.py --disciplines 1000 --out /tmp/content-1000

The output is a complete content directory: every file of the real content/ except the
discipline records is copied as it is (atlas.yaml, dimensions.yaml, schema/, and whatever else
content/ holds, such as a glossary), then the five real records, then N - 5 synthetic records of
about 1.5 KB of YAML each. Keeping the real records keeps every cross reference in the copied
files valid (start_here, glossary links...), whatever those files grow into.

Synthetic records have the shape of the real ones (every field, sourced facts, one tool, two
sources) and `builds_on` relations that point only at records earlier in content order, so the
relations form a DAG. The output is deterministic: the same N gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_CONTENT = ROOT / "content"

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 70: 343,000 three-syllable names
_WORDS = ("pipeline", "release", "signal", "model", "dataset", "service", "cluster", "budget",
          "incident", "schema", "contract", "policy", "feature", "index", "ledger", "queue",
          "workflow", "lineage", "alert", "rollout", "review", "capacity", "forecast", "audit",
          "catalog", "registry", "tenant", "workload", "quota", "runbook", "metric")
_VERBS = ("tracks", "automates", "versions", "watches", "validates", "schedules", "secures",
          "reconciles", "measures", "documents", "routes", "replays")
_RELATIONS = ("extends", "applies", "specializes", "complements")
SYNTHETIC_ORDER = 1000
"""Synthetic records come after the real ones (whose `order` is below this) in content order."""


def real_records(content: Path = REAL_CONTENT) -> list[Path]:
    """The real discipline records, which every synthetic set keeps."""
    return sorted((content / "disciplines").glob("*.yaml"))


def synthetic_id(index: int) -> str:
    """`index` -> a unique nine-letter-plus-'ops' id such as 'kavoreops' (never a real id)."""
    a, rest = divmod(index, len(_SYLLABLES) ** 2)
    b, c = divmod(rest, len(_SYLLABLES))
    # Scatter consecutive indexes over the alphabet so first letters are evenly spread.
    return _SYLLABLES[(c * 37) % 70] + _SYLLABLES[b] + _SYLLABLES[a] + "ops"


def _sentence(rng: random.Random, subject: str) -> str:
    words = rng.sample(_WORDS, 3)
    return f"{subject} {rng.choice(_VERBS)} the {words[0]} and {words[1]} of each {words[2]}."


def _fact(key: str, text: str, sources: str) -> str:
    return f"{key}:\n  text: {json.dumps(text)}\n  sources: [{sources}]\n"


def _items(key: str, rng: random.Random, name: str, count: int, source: str) -> str:
    lines = [f"{key}:\n"]
    for number in range(1, count + 1):
        lines.append(f"  - id: {key.replace('_', '-')}-{number}\n"
                     f"    text: {json.dumps(_sentence(rng, name))}\n"
                     f"    sources: [{source}]\n")
    return "".join(lines)


def synthetic_record(index: int, order: int, earlier: Sequence[str]) -> str:
    """One record's YAML; `earlier` are ids before it in content order (relation targets)."""
    rng = random.Random(index)
    record_id = synthetic_id(index)
    name = record_id[:-3].capitalize() + "Ops"
    targets = sorted(set(rng.sample(list(earlier), min(len(earlier), rng.choice((1, 1, 2))))),
                     key=list(earlier).index)
    relations = "".join(
        f"  - id: builds-on-{target}\n    target: {target}\n"
        f"    relation: {rng.choice(_RELATIONS)}\n"
        f"    text: {json.dumps(f'{name} takes its {rng.choice(_WORDS)} practice from {target}.')}"
        f"\n    sources: [paper]\n" for target in targets)
    return "".join([
        f"id: {record_id}\norder: {order}\nname: {name}\n",
        f"aliases: [{record_id[:-3]}-ops]\n",
        _fact("full_name", f"{record_id[:-3].capitalize()} Operations", "handbook"),
        _fact("summary", _sentence(rng, name), "handbook, paper"),
        f"emerged:\n  year: {rng.randint(2005, 2025)}\n"
        f"  text: {json.dumps(f'The name {name} spread through conference talks.')}\n"
        f"  sources: [paper]\n",
        _fact("primary_asset", f"The {rng.choice(_WORDS)}s and {rng.choice(_WORDS)}s it runs.",
              "handbook"),
        f"builds_on:\n{relations}" if relations else "builds_on: []\n",
        _items("scope", rng, name, 1, "handbook"),
        _items("use_cases", rng, name, 1, "handbook"),
        _items("limitations", rng, name, 1, "paper"),
        _items("practices", rng, name, 1, "handbook"),
        f"tools:\n  - id: {record_id}-kit\n    name: {name} Kit\n"
        f"    url: https://example.org/{record_id}-kit\n    open_source: true\n"
        f"    text: \"Reference toolkit for {name}.\"\n    sources: [handbook]\n",
        _items("metrics", rng, name, 1, "paper"),
        _items("roles", rng, name, 1, "handbook"),
        f"sources:\n  - id: handbook\n    title: {json.dumps(f'The {name} handbook')}\n"
        f"    url: https://example.org/{record_id}/handbook\n    publisher: Example Press\n"
        f"    published: \"{rng.randint(2010, 2025)}\"\n"
        f"  - id: paper\n    title: {json.dumps(f'On {name}')}\n"
        f"    url: https://example.org/{record_id}/paper\n",
    ])


def write_content_set(disciplines: int, out: Path, content: Path = REAL_CONTENT) -> list[str]:
    """Write the set into `out` (created; must be empty or absent). Returns the ids: the real
    ones (which come first in content order), then the synthetic ones in content order."""
    real = real_records(content)
    if disciplines < len(real):
        raise ValueError(f"--disciplines must be at least {len(real)}: the real records are "
                         "kept so that the copied content files' references hold")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out}: not empty; give a new or empty directory")
    shutil.copytree(content, out, dirs_exist_ok=True,
                    ignore=lambda folder, _names: ["disciplines"] if Path(folder) == content
                    else [])
    (out / "disciplines").mkdir()
    ids = [path.stem for path in real]
    for path in real:
        shutil.copy2(path, out / "disciplines" / path.name)
    for index in range(disciplines - len(real)):
        text = synthetic_record(index, SYNTHETIC_ORDER + index, ids)
        ids.append(synthetic_id(index))
        (out / "disciplines" / f"{ids[-1]}.yaml").write_text(text, encoding="utf-8")
    return ids


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--disciplines", type=int, required=True, metavar="N",
                        help="number of discipline records (at least the 5 real ones)")
    parser.add_argument("--out", type=Path, required=True, help="new content directory")
    args = parser.parse_args(argv)
    try:
        ids = write_content_set(args.disciplines, args.out)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{len(ids)} disciplines written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
