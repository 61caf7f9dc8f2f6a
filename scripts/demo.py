"""Run mp-precheck on the bundled example as a developer and a reviewer see it: the terminal report, the
PR comment and the submission notes (called by scripts/demo)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from mp_precheck.core.vocabulary import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))

from build_example import build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", default="zh-CN", choices=LANGUAGES)
    parser.add_argument("--example", default=str(ROOT / "examples" / "native-shop"),
                        help="examples/native-shop (default), examples/taro-shop or examples/uniapp-shop")
    parser.add_argument("--keep", metavar="DIR", help="build the example repository in DIR and keep it")
    args = parser.parse_args()
    example = Path(args.example)
    if not (example / "base").is_dir() or not (example / "feature" / "commits.yml").is_file():
        found = ", ".join(f"examples/{p.name}" for p in sorted((ROOT / "examples").iterdir()) if (p / "base").is_dir())
        parser.error(f"{example} is no example (it needs base/ and feature/commits.yml); bundled: {found}")
    mp_precheck = Path(sys.executable).with_name("mp-precheck")
    with tempfile.TemporaryDirectory(prefix="mp-precheck-demo-") as tmp:
        repo = Path(args.keep) if args.keep else Path(tmp) / "repo"
        base, head = build(example, repo)
        kept = f"; try it yourself: cd {repo} && {mp_precheck} diff --base main" if args.keep else \
            " (deleted afterwards; --keep DIR keeps it)"
        print(f"# Example repository built in {repo}: main={base[:7]}, feature={head[:7]}{kept}\n", file=sys.stderr)
        common = ["--repo", str(repo), "--base", "main", "--head", "feature", "--language", args.language]
        print("=" * 30 + " In a terminal (mp-precheck diff) " + "=" * 30, flush=True)
        diff = subprocess.run([str(mp_precheck), "diff", *common, "--format", "text"], check=False)
        print("=" * 30 + " PR comment (mp-precheck diff --format markdown) " + "=" * 30, flush=True)
        subprocess.run([str(mp_precheck), "diff", *common, "--format", "markdown"], check=False)
        print("=" * 30 + " Submission notes (mp-precheck notes) " + "=" * 30, flush=True)
        notes = subprocess.run([str(mp_precheck), "notes", *common], check=False)
        print(f"\n# mp-precheck diff exited {diff.returncode} (1 = high risks found, as expected for this branch)",
              file=sys.stderr)
        return notes.returncode


if __name__ == "__main__":
    sys.exit(main())
