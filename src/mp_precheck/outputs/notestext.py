"""The submission notes as the plain text the 提交审核 form takes (版本描述 and 补充说明).

Its words are the messages' (``notes.*`` in ``templates/messages.yml``); the layout is fixed by the form, so it
is written here rather than in a Jinja template: the JSON report of every run holds the notes, and loading Jinja
and its first template cost ~45 ms of a ~0.45 s small pull request, for eight lines of text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from mp_precheck.core.messages import Messages
from mp_precheck.core.secrets import redact

if TYPE_CHECKING:
    from mp_precheck.notes.submission import Notes


def render_notes(notes: Notes, language: str = "zh-CN", account: Mapping[str, Any] | None = None) -> str:
    """``notes`` as text in ``language`` (zh-CN or en): the three change sections (a line per change, "none"
    when empty, or a request to describe them when the commits named nothing, the count of lines left out), the
    test-account lines and the numbered answers; secrets masked.
    ``account`` is the config's ``notes.test_account`` (its ``account`` and ``password_from``), None: blank lines.
    Ends with one newline. Raises KeyError for a language without messages."""
    t = Messages(language).t
    lines = [t("notes.changes")]
    sections = (("notes.added", notes.added, notes.added_more), ("notes.improved", notes.improved,
                notes.improved_more), ("notes.fixed", notes.fixed, notes.fixed_more))
    for number, (title, changes, more) in enumerate(sections, 1):
        # rstrip: the English colon ends in a space, which a heading with its changes below must not keep
        empty = t("notes.describe") if notes.undescribed else t("notes.none")  # never "none" for unnamed changes
        lines.append(f"{number}. {t(title)}{t('colon')}{'' if changes else empty}".rstrip())
        lines += [f"   - {change}" for change in changes]
        if more:
            lines.append(f"   - {t('notes.more', count=more)}")
    lines += [notes.test_account or t("notes.test_account"), *_account_lines(t, account or {}), t("notes.remarks")]
    for number, (question, answer, detail) in enumerate(notes.answers, 1):
        line = f"{number}. {t('notes.answer_line', question=question, answer=answer)}"
        lines.append(f"{line}{t('colon')}{detail}" if detail else line)
    return redact("\n".join(lines).rstrip() + "\n")


def _account_lines(t: Callable[..., str], account: Mapping[str, Any]) -> list[str]:
    """The 账号 and 密码 lines: the account named by the config, and where the person submitting finds the password
    (``env:NAME`` or ``secret:NAME``). The password itself is never written: the notes go into the release body,
    the job summary and report files, and the config lives in git."""
    name = str(account.get("account") or "")
    kind, _, where = str(account.get("password_from") or "").partition(":")
    password = t(f"notes.password_{kind}", name=where) if where and kind in ("env", "secret") else t("notes.password")
    return [t("notes.account_named", account=name) if name else t("notes.account"), password]
