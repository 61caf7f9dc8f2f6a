"""The submission notes as text (``outputs.notestext``): the same text as the Jinja template it replaced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mp_precheck.core.messages import Messages
from mp_precheck.core.secrets import redact
from mp_precheck.notes.submission import Notes
from mp_precheck.outputs.notestext import render_notes
from mp_precheck.outputs.templating import environment

# templates/notes.txt.j2 as it was (but a heading with changes below ends at its colon, without the English
# colon's space), rendered by the shared environment's settings
TEMPLATE = """{#- The submission notes for the 提交审核 form (plain text). Context: mp_precheck.render.render_notes. -#}
{{ t("notes.changes") }}
1. {{ t("notes.added") }}{% if notes.added %}{{ t("colon") | trim }}{% else %}{{ t("colon") }}{{ t("notes.none") }}{% endif %}
{%- for line in notes.added %}
   - {{ line }}
{%- endfor %}
{%- if notes.added_more %}
   - {{ t("notes.more", count=notes.added_more) }}
{%- endif %}
2. {{ t("notes.improved") }}{% if notes.improved %}{{ t("colon") | trim }}{% else %}{{ t("colon") }}{{ t("notes.none") }}{% endif %}
{%- for line in notes.improved %}
   - {{ line }}
{%- endfor %}
{%- if notes.improved_more %}
   - {{ t("notes.more", count=notes.improved_more) }}
{%- endif %}
3. {{ t("notes.fixed") }}{% if notes.fixed %}{{ t("colon") | trim }}{% else %}{{ t("colon") }}{{ t("notes.none") }}{% endif %}
{%- for line in notes.fixed %}
   - {{ line }}
{%- endfor %}
{%- if notes.fixed_more %}
   - {{ t("notes.more", count=notes.fixed_more) }}
{%- endif %}
{{ notes.test_account or t("notes.test_account") }}
{{ t("notes.account") }}
{{ t("notes.password") }}
{{ t("notes.remarks") }}
{%- for question, answer, detail in notes.answers %}
{{ loop.index }}. {{ t("notes.answer_line", question=question, answer=answer) }}{% if detail %}{{ t("colon") }}{{ detail }}{% endif %}
{%- endfor %}
"""


def _by_template(notes: Notes, language: str) -> str:
    text = environment().from_string(TEMPLATE).render(t=Messages(language).t, notes=notes)
    return redact(text.rstrip() + "\n")


def test_sections_the_test_account_and_the_answers() -> None:
    notes = Notes(added=["新增 分享页"], fixed=["a fix"], fixed_more=3, test_account="Test account (needed: login):",
                  answers=[("Does it log in?", "Yes", "the home page"), ("Ads?", "No", "")])
    assert render_notes(notes, "en") == (
        "Changes in this version:\n1. New:\n   - 新增 分享页\n2. Improved: none\n3. Fixed:\n   - a fix\n"
        "   - … and 3 more\nTest account (needed: login):\nAccount:\nPassword:\nRemarks:\n"
        "1. Does it log in? Yes: the home page\n2. Ads? No\n")
    assert render_notes(Notes(), "zh-CN").startswith("本次版本变更：\n1. 新增：无\n")


_TEXT = st.text(alphabet=st.sampled_from(["a", " ", "\n", "-", "：", "红", "{", "}", "%", "#"]), max_size=8)


@pytest.mark.parametrize("language", ["zh-CN", "en"])
@settings(deadline=None)  # Jinja compiles the template on the first example: slow on a loaded machine
@given(added=st.lists(_TEXT, max_size=3), improved=st.lists(_TEXT, max_size=3), fixed=st.lists(_TEXT, max_size=2),
       more=st.tuples(*[st.integers(0, 12)] * 3), account=st.none() | _TEXT,
       answers=st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=3))
def test_the_text_is_the_templates(language: str, added: list[str], improved: list[str], fixed: list[str],
                                   more: tuple[int, int, int], account: str | None,
                                   answers: list[tuple[str, str, str]]) -> None:
    notes = Notes(added=added, improved=improved, fixed=fixed, test_account=account, answers=answers,
                  added_more=more[0], improved_more=more[1], fixed_more=more[2])
    assert render_notes(notes, language) == _by_template(notes, language)
