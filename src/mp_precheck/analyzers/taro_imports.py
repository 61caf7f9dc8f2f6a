"""Findings in code only another Taro build runs, its platform test held by a constant imported from a module.

Taro's WeChat build writes ``'weapp'`` for ``process.env.TARO_ENV`` (https://docs.taro.zone/docs/envs), so a page's
``if (ALIPAY) { my.tradePay(…) }``, with ``ALIPAY`` imported from a module that exports
``const ALIPAY = process.env.TARO_ENV === 'alipay'``, never runs in the Mini Program WeChat reviews: what it calls
or opens is no payment, request or route of that Mini Program. The facts blank such branches when the test is
written in the same file (readers/taroenv.py); a file's facts cannot read another file, so the import is followed
here (readers/taroimports.py), with the project's own module resolution (tsconfig / jsconfig / babel aliases,
relative paths, index files: ``facts/store.resolve_module``). An imported constant true in the WeChat build, one
whose module cannot be read or decided, and a name the file declares itself keep every finding.

Reads: ``project`` (framework, root), ``read_head``, ``exists_at_head`` · every finding in a script of a Taro project.
Writes: removes the findings on lines only another platform's build runs — but a secret there stays told: the other
platform's build publishes it.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.taroimports import dropped_lines

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".vue")
# shipped by the other build all the same
_PUBLISHED = frozenset({"policy.client_secret", "policy.service_secret", "policy.client_pay_key"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    paths = {f.path for f in findings if f.path.lower().endswith(_SCRIPTS) and f.line > 0}
    if context.project.framework != "taro" or not paths:
        return findings
    root = context.project.root
    aliases = project_aliases((root, context.project.env_root or root), context.read_head)
    tree = ExistingPaths(context.exists_at_head)
    dropped: dict[str, set[int]] = {}
    for path in paths:
        text = context.read_head(path)
        if text is None:
            continue
        dropped[path] = dropped_lines(text, path, lambda importer, spec: resolve_module(importer, spec, tree, aliases),
                                      context.read_head)
    return [f for f in findings if f.rule in _PUBLISHED or f.line not in dropped.get(f.path, ())]
