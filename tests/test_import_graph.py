"""The package's import graph has no cycles: each pipeline stage imports only stages below it.

The graph comes from grimp (import-linter's graph library) and counts every import, those under
``TYPE_CHECKING`` included: a type-only cycle is still two modules that cannot be understood apart.
"""

from __future__ import annotations

import grimp


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """One cycle path per strongly connected group of modules, e.g. ``[a, b, a]``; empty when acyclic."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        order[module] = low[module] = len(order)
        stack.append(module)
        for target in edges[module]:
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while (top := stack.pop()) != module:
                group.append(top)
            groups.append([module, *group])

    for module in sorted(edges):
        if module not in order:
            visit(module)
    cycles = []
    for group in groups:
        start = group[0]
        if len(group) > 1:
            # back to ``start`` from a module it imports within the group
            step = next(t for t in edges[start] if t in group)
            chain = graph.find_shortest_chain(importer=step, imported=start) or (step, start)
            cycles.append([start, *chain])
        elif start in edges[start]:
            cycles.append([start, start])
    return cycles


def test_the_package_has_no_import_cycles() -> None:
    graph = grimp.build_graph("mp_precheck", cache_dir=None)
    assert len(graph.modules) > 50  # the whole package was read
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_a_cycle_is_reported_with_its_path() -> None:
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c", "p.d"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    graph.add_import(importer="p.d", imported="p.a")
    assert import_cycles(graph) == [["p.a", "p.b", "p.c", "p.a"]]
