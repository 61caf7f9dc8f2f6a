"""Sending calls of a posting page that publish none of its text box's text.

A page's post is the call that sends what the user typed. Two calls that send data post none of it:

* a stub: a direct data call (``wx.request``, a cloud function, a cloud database write) whose arguments carry no
  name at all — a URL and an empty ``data: {}``, its fields commented out — sends nothing the page holds, so nothing
  the user typed (:func:`without_stubs`);
* a content check: the text sent to a cloud function, an endpoint or a wrapper named as a check
  (``callFunction({ name: 'textCheck', data: { content } })``: :func:`~mp_precheck.analyzers.senders.content_checks`)
  is checked, not published; the post is the write that follows, and the check is the one ``upload.user_text`` asks
  for (security.msgSecCheck before the text is stored or shown:
  https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html), so a text
  checked so is no unchecked user text (:func:`checked_text`).

In: the analysis context, the page's script and its calls or the names its text box writes. Out: the calls kept, or
whether the text is checked. Raises nothing.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.senders import POSTERS, content_checks
from mp_precheck.facts.model import Fact
from mp_precheck.readers.textflow import carried_names

_DIRECT_ROLES = (None, "cloud:write")  # a call of the API itself, not a wrapper handed what it sends


def without_stubs(context: ProjectContext, script: str, sends: list[Fact]) -> list[Fact]:
    """``sends`` (calls of ``script``) without the direct data calls whose arguments are seen and carry no name at
    all (``wx.request({ url: 'https://api.example.com/test', data: {} })``): they send nothing the user typed."""
    direct = [f.line for f in sends if f.subject in POSTERS and f.role in _DIRECT_ROLES]
    text = context.read_head(script) if direct else None
    carried = carried_names(text, script, direct) if text else {}
    return [f for f in sends if not (f.line in carried and not carried[f.line] and f.role in _DIRECT_ROLES)]


def checked_text(context: ProjectContext, script: str, state: frozenset[str]) -> bool:
    """Whether ``script`` sends the text box's text to a content check before it is posted: a check call whose data
    carries what the box writes (``state``), or any check where that is not seen (the box binds nothing visible)."""
    facts = context.facts_at_head(script)
    checks = content_checks(context, script, facts) if facts is not None else []
    if not checks or not state:
        return bool(checks)
    text = context.read_head(script) or ""
    carried = carried_names(text, script, [f.line for f in checks], closures=True, whole=True)
    return any(names & state for names in carried.values())
