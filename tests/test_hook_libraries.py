"""Functions a hook library's hook hands back are the APIs they call (checks/hook_libraries.yml): taro-hooks'
``useUserInfo`` gives ``getUserProfile``, so calling it asks for the profile like ``Taro.getUserProfile``."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import TARO_BASE

PAGE = """import {{ useCallback }} from 'react'
import {{ {hook} }} from '{package}'

export default function Bind() {{
  const [info, {{ {pattern} }}] = {hook}()
  const bind = useCallback(() => {{
    {call}
  }}, [])
  return null
}}
"""


def _page(repo, hook: str, pattern: str, call: str, package: str = "taro-hooks") -> str:
    repo.write_files(TARO_BASE)
    base = repo.commit("base")
    repo.write("src/pages/me/index.tsx", PAGE.format(hook=hook, pattern=pattern, call=call, package=package))
    repo.commit("bind page")
    return base


@pytest.mark.parametrize(("hook", "pattern", "call", "rule"), [
    ("useUserInfo", "getUserProfile", "getUserProfile({ desc: '绑定微信' })", "privacy.user_info_reclaimed"),
    ("useUserInfo", "getUserProfile: ask", "ask({ desc: '绑定微信' })", "privacy.user_info_reclaimed"),
    ("useLocation", "get, choose", "choose()", "privacy.choose_location"),
    ("useClipboardData", "set", "set('邀请码')", "privacy.clipboard"),
])
def test_a_function_a_taro_hooks_hook_returns_is_its_api(repo, hook, pattern, call, rule):
    base = _page(repo, hook, pattern, call)
    assert (rule, "src/pages/me/index.tsx", 7) in places(run(repo.path, base), "privacy")


@pytest.mark.parametrize(("package", "pattern", "call"), [
    ("../../hooks/user", "getUserProfile", "getUserProfile({ desc: '绑定微信' })"),  # the project's own hook
    ("taro-hooks", "getUserInfo", "console.log(getUserInfo)"),  # handed back, never called
])
def test_same_names_from_another_package_or_uncalled_are_not_uses(repo, package, pattern, call):
    base = _page(repo, "useUserInfo", pattern, call, package)
    assert places(run(repo.path, base), "privacy") == set()
