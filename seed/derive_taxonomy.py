"""Derives the compact taxonomy shipped in `seed/taxonomy/` from the ESCO v1.1.1 CSVs.

    python -m seed.derive_taxonomy          # ../shared/data/skills/esco -> seed/taxonomy
    python -m seed.derive_taxonomy --source DIR --out DIR

It keeps every ESCO skill and skill group (label, up to 8 alternative labels, type, group, a
description cut to 300 characters), the whole broader/narrower hierarchy, skill adjacency from
co-occurrence in occupation profiles (see `seed.taxonomy`), and the skill profiles of the
occupations the demo organisation uses (`seed.profiles`). The output is deterministic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from seed.profiles import occupation_labels
from seed.taxonomy import DEFAULT_ESCO_SOURCE, DEFAULT_TAXONOMY, derive_from_esco, write_derived


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_ESCO_SOURCE, help="ESCO CSV folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_TAXONOMY, help="output folder")
    args = parser.parse_args(argv)
    taxonomy = derive_from_esco(args.source, occupation_labels())
    for path in write_derived(taxonomy, args.out):
        print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")
    print(
        f"{len(taxonomy.skills)} skills and groups, {len(taxonomy.broader)} broader links, "
        f"{len(taxonomy.related)} related pairs, {len(taxonomy.occupations)} occupation profiles"
    )


if __name__ == "__main__":
    main()
