"""Scripts only Node loads: required by scripts that run under Node and by no file of the app.

A Mini Program's repository often keeps a small back end or a development proxy beside the app (a Koa server
forwarding to a public API, a mock server). Its entry scripts load Node packages and are no part of the app
(facts/scope.py ``runs_under_node``), but a plain module they require — the list of upstream hosts, the database
settings — loads nothing of Node's itself, so it looks like app code. WeChat's developer tools upload only the
files the app's pages and scripts reach (``setting.ignoreUploadUnusedFiles``:
https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html), and a compiled framework's bundler
follows the app's imports alone: such a module never ships, and its hosts are the server's, never a request the
Mini Program makes, so they need no 服务器域名 entry
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The same holds for the scripts
only such a module requires. Its secrets stay reported: a key in the repository is exposed wherever it is read.

In: the scripts core/reachability.py found no app code loading (head paths; a Node script's import counts for
nothing there), the project, the head tree, a grep (fixed strings → head files holding them) and a facts reader.
Out: those of them a Node script loads, directly or through other such files. Never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from mp_precheck.core.otherbuildfiles import loaded_files, specifier_stem
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.scope import runs_under_node
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.discovery import Project


def node_loaded_scripts(unloaded: Iterable[str], project: Project, tree: Mapping[str, TreeEntry],
                        grep: Callable[[set[str]], Mapping[str, set[str]]],
                        facts_of: Callable[[list[str]], Mapping[str, FileFacts]]) -> set[str]:
    """The paths of ``unloaded`` that a script running under Node loads (module docstring).

    Args:
        unloaded: head paths of scripts no code of the app loads.
        project: the Mini Program; files outside it load nothing here.
        tree: the head tree, to resolve specifiers.
        grep: fixed strings → the head files holding them.
        facts_of: head paths → their facts (the module specifiers are read), for the importers and ``unloaded``.
    """
    names = {path: specifier_stem(path) for path in unloaded}
    if not names:
        return set()
    importers = sorted(path for path, held in grep(set(names.values())).items()
                       if project.owns(path) and held & set(names.values()))  # an added Node script too
    facts = facts_of(sorted(set(importers) | set(names)))
    found = {target for importer in importers if importer in facts and runs_under_node(importer, facts[importer])
             for target in loaded_files(importer, facts[importer].module_specs, names, tree)}
    frontier = list(found)
    while frontier:  # what a Node-loaded module requires is Node's too
        current = frontier.pop()
        specs = facts[current].module_specs if current in facts else ()
        for target in loaded_files(current, specs, names, tree) - found:
            found.add(target)
            frontier.append(target)
    return found
