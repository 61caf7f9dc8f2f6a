"""The rule reference: ``mp-precheck rules``, ``mp-precheck explain`` and the generated ``docs/rules.md``."""

from __future__ import annotations

from pathlib import Path

from helpers import cli
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.vocabulary import FAMILIES
from mp_precheck.outputs.rulesdoc import render_rules_doc, width

ROOT = Path(__file__).resolve().parent.parent
RULES_MD = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date(update_golden):
    expected = render_rules_doc(load_catalog())
    if update_golden:
        RULES_MD.parent.mkdir(exist_ok=True)
        RULES_MD.write_text(expected, encoding="utf-8")
    assert RULES_MD.exists(), "docs/rules.md is missing: run pytest tests/test_rulesdoc.py --update-golden"
    assert RULES_MD.read_text(encoding="utf-8") == expected, \
        "docs/rules.md is stale: run pytest tests/test_rulesdoc.py --update-golden and review the diff"


def test_docs_cover_every_rule_in_both_languages_grouped_by_family():
    catalog = load_catalog()
    text = render_rules_doc(catalog)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split()[1] for h in headings] == [f for f in FAMILIES if any(r.family == f for r in catalog.rules)]
    for rule in catalog.rules:
        section = text.split(f"### `{rule.id}`\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        assert f"**{rule.severity}**" in section and f"]({rule.doc})" in section
        assert "怎么做：" in section and "What to do: " in section


def test_rules_lists_every_rule_as_a_table():
    code, out, err = cli("rules", "--language", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Rule", "Family", "Severity", "Title"]
    assert set(lines[1]) == {"-", " "}
    catalog = load_catalog()
    rows = lines[2:2 + len(catalog.rules)]
    assert {row.split()[0] for row in rows} == {r.id for r in catalog.rules}
    assert ["payment.request_payment", "payment", "medium", "Adds WeChat Pay (wx.requestPayment)"] in [
        row.split(None, 3) for row in rows]
    assert len({row.index(row.split()[3]) for row in rows}) == 1     # one column for the titles
    assert lines[-1] == f"{len(catalog.rules)} rules (catalog {catalog.date}). `mp-precheck explain <rule>` shows one rule in full."


def test_rules_table_aligns_chinese_titles_by_display_width():
    code, out, _ = cli("rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("规则") and "严重程度" in lines[0]
    title_column = {width(line[: line.index("  使用")]) for line in lines if "  使用「" in line}
    assert len(title_column) == 1                        # the title column starts at the same screen column


def test_explain_prints_the_full_text():
    code, out, err = cli("explain", "privacy.location", "--language", "en")
    assert (code, err) == (0, "")
    rule = load_catalog().rule("privacy.location")
    lines = out.splitlines()
    assert lines[0] == f"privacy.location · {rule.title['en']}"
    assert "Severity: high" in lines and "Family: Privacy (privacy)" in lines
    assert "Privacy type: 「位置信息」 Location" in lines
    assert f"Subjects: {', '.join(rule.subjects)}" in lines
    assert f"What to do: {rule.fix['en']}" in lines
    assert f"Official doc: {rule.doc}" in lines
    code, out, _ = cli("explain", "privacy.location")
    assert code == 0 and "严重程度：高 (high)" in out and f"怎么做：{rule.fix['zh-CN']}" in out


def test_explain_shows_the_catalogs_secret_subjects_as_written():
    code, out, _ = cli("explain", "policy.client_secret", "--language", "en")
    assert code == 0
    assert "Subjects: secret:app-secret, secret:url-param, secret:server-api" in out.splitlines()
    code, out, _ = cli("rules", "--language", "en")
    assert code == 0 and "***" not in out


def test_explain_unknown_rule_is_one_line_and_exit_2():
    code, out, err = cli("explain", "privacy.locaton")
    assert (code, out) == (2, "")
    assert err == "mp-precheck: unknown rule 'privacy.locaton': did you mean privacy.location? " \
                  "`mp-precheck rules` lists them all\n"
    code, _, err = cli("explain", "nothing")
    assert (code, err) == (2, "mp-precheck: unknown rule 'nothing': `mp-precheck rules` lists them all\n")
