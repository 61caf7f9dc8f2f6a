"""The README's sample comment is the real output on the bundled example (kept in sync)."""

from __future__ import annotations

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
