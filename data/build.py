"""Build the collection's tables from the raw public sources.

    python data/build.py                       # sources from ../shared/sources, tables into data/
    python data/build.py --sources DIR --out DIR
    python data/build.py --only trade,economy --out /tmp/t   # a few tables, while developing

The build is deterministic: the same sources give byte-identical files.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCES = HERE.parent.parent / "shared" / "sources"

from recipe import all_tables  # noqa: E402  (this folder is on sys.path when run as a script)
from recipe.core import RecipeError, write_package  # noqa: E402
from recipe.readme import write_readme  # noqa: E402
from recipe.sources import SOURCES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES,
                        help="folder holding one sub-folder per raw source (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the tables (default: data/)")
    parser.add_argument("--only", default="", help="comma-separated table names (needs --out)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = parser.parse_args(argv)
    sources = args.sources.resolve()
    if not sources.is_dir():
        print(f"The sources folder {sources} does not exist. Pass --sources with the folder that "
              "holds the raw data (one sub-folder per source, each with a SOURCE.md).", file=sys.stderr)
        return 2
    tables = all_tables()
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {t.name for t in tables}
        if unknown or args.out.resolve() == HERE:
            print(f"--only takes known table names {sorted(t.name for t in tables)} and needs an --out "
                  f"folder other than data/ (unknown: {sorted(unknown)})", file=sys.stderr)
            return 2
        tables = [t for t in tables if t.name in wanted]
    log = (lambda _msg: None) if args.quiet else print
    try:
        package = write_package(tables, SOURCES, sources, args.out, log=log)
    except RecipeError as err:
        print(f"The build stopped: {err}", file=sys.stderr)
        return 1
    write_readme(package, args.out / "README.md")
    total = sum(r["bytes"] for r in package["resources"])
    log(f"wrote {len(package['resources'])} tables, {total / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
