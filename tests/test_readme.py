"""The README's sample comment is the real output on the bundled example (kept in sync)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- sample-comment:start -->\n", "<!-- sample-comment:end -->\n"


def sample() -> str:
    golden = (Path(__file__).parent / "golden" / "example-comment.zh-CN.md").read_text(encoding="utf-8")
    # The marker is an HTML comment: shown escaped so the README never contains a live marker.
    return golden.replace("<!-- mp-precheck:comment", "&lt;!-- mp-precheck:comment", 1)


def test_readme_sample_comment_matches_the_example_output(update_golden):
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    expected = before + START + "\n" + sample() + "\n" + END + after
    if update_golden:
        readme.write_text(expected, encoding="utf-8")
    assert text == expected, "README sample is stale: run pytest tests/test_readme.py --update-golden"


def test_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/demo" in text and "bash scripts/test" in text
    assert "bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_demo_names_the_bundled_examples_when_given_another_folder():
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, str(root / "scripts" / "demo.py"), "--example", "examples/nope"],
                         capture_output=True, text=True, cwd=root, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "examples/nope is no example" in run.stderr and "examples/native-shop" in run.stderr
