"""The two shapes of change users meet, timed as a user waits for them and set against reference tools.

* **small PR**: about ten changed files, a few hundred lines, in an app of a few hundred files;
* **whole-app import**: a TypeScript/TSX Taro app of 1,000+ files / 100k+ lines added in one commit.

Each is generated (a fresh machine needs nothing but git) or, with ``--real-small REPO:BASE..HEAD`` and
``--real-import REPO:COMMIT`` (or the environment variables ``MP_PRECHECK_BENCH_SMALL`` /
``MP_PRECHECK_BENCH_IMPORT``), taken from a real repository: the import re-commits that commit's whole
tree on an empty history, blobs missing from a partial mirror replaced by empty files.

Every run is a fresh ``python -m mp_precheck diff --format json`` process; times are medians of runs
that alternate with the references: ``python -c pass``, ``git diff -M`` of the same range and, where
installed, semgrep running five JS/TS rules over the head checkout (``--semgrep PATH``).
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import FastImport, build_repo, compile_sources, git_env, python_env

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
SMALL_PAGES = 100  # 100 generated pages: a 400-file native app, the 10-file change of bench.py
IMPORT_PAGES = 330  # 330 TSX pages + components + services: ~1,100 files, ~110k lines
# Five JS/TS rules of the kind a team would write for review risks (semgrep has no WXML or app.json reader).
SEMGREP_RULES = """\
rules:
  - {id: location, languages: [js, ts], severity: WARNING, message: location, pattern: $NS.getLocation(...)}
  - {id: album, languages: [js, ts], severity: WARNING, message: album, pattern: $NS.chooseImage(...)}
  - {id: payment, languages: [js, ts], severity: WARNING, message: payment, pattern: $NS.requestPayment(...)}
  - {id: phone, languages: [js, ts], severity: WARNING, message: phone, pattern: $NS.makePhoneCall(...)}
  - {id: eval, languages: [js, ts], severity: WARNING, message: eval, pattern: eval(...)}
"""
# The child reports its own peak (VmHWM: ru_maxrss would carry the driver's over fork+exec).
CHILD = """\
import json, sys
from mp_precheck.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "peak_kib": peak}), file=sys.stderr)
"""
SAMPLE_EVERY = 0.02  # seconds between samples of the process tree's memory
CPU: list[float] = []  # CPU seconds of each process _timed ran (it and the descendants it waited for)


@dataclass(frozen=True)
class Shape:
    """A range to time: ``repo`` (a git directory), ``base`` and ``head`` revisions."""

    name: str
    repo: Path
    base: str
    head: str
    whole_app: bool = False  # the change adds the app: semgrep over the head checkout scans the same files


@dataclass(frozen=True)
class ShapeResult:
    """Medians in seconds; ``peak_mb`` the analysis process's own peak, ``tree_mb`` the highest memory of it
    and its children (parser workers, git) together, in samples every 20 ms (see :func:`_tree_rss`)."""

    shape: str
    files: int
    added_lines: int
    seconds: float
    warm_seconds: float
    python_seconds: float
    git_diff_seconds: float
    semgrep_seconds: float | None
    peak_mb: float
    tree_mb: float
    cpu_seconds: float = 0.0  # CPU time of the cold run's process tree (git and workers included)
    python_cpu_seconds: float = 0.0


# ---------------------------------------------------------------------------------------------------
# The generated Taro app

HANDLERS = (
    "  const load{n} = async () => {{\n    setLoading(true)\n"
    "    const res = await request({{ url: '/api/{noun}/list', data: {{ page: {n}, size: 20 }} }})\n"
    "    setItems(res.data.list || [])\n    setLoading(false)\n  }}\n",
    "  const toggle{n} = (id: string) => {{\n    setSelected((old) => (old.includes(id) ? old.filter((x) => x !== id)"
    " : [...old, id]))\n  }}\n",
    "  const share{n} = () => {{\n    Taro.showToast({{ title: '已复制链接', icon: 'none' }})\n  }}\n",
    "  const open{n} = (item: Item) => {{\n"
    "    Taro.navigateTo({{ url: `/pages/{noun}/detail?id=${{item.id}}` }})\n  }}\n",
    "  const price{n} = (value: number): string => {{\n    return `¥${{(value / 100).toFixed(2)}}`\n  }}\n",
    "  const submit{n} = async (form: Record<string, string>) => {{\n    if (!form.name) {{\n"
    "      Taro.showToast({{ title: '请填写完整信息', icon: 'none' }})\n      return\n    }}\n"
    "    await request({{ url: '/api/{noun}/save', method: 'POST', data: form }})\n  }}\n",
)
FEATURES = {
    0: "  const locate = () => Taro.getLocation({ type: 'gcj02' })\n",
    1: "  const pick = () => Taro.chooseImage({ count: 1 })\n",
    2: "  const pay = (p: Taro.requestPayment.Option) => Taro.requestPayment(p)\n",
}
NOUNS = ("order", "goods", "coupon", "member", "address", "shop", "cart", "review", "article", "activity")


def _page(rng: random.Random, n: int) -> str:
    noun = NOUNS[n % len(NOUNS)]
    handlers = "".join(HANDLERS[rng.randrange(len(HANDLERS))].format(n=i, noun=noun) for i in range(56))
    feature = FEATURES.get(n % 40, "")
    rows = "".join(f"          <View className='row'><Text>{{item.title}}</Text>"
                   f"<Text>{{price{i}(item.price)}}</Text></View>\n" for i in range(4, 10))
    return (f"import Taro, {{ useDidShow }} from '@tarojs/taro'\nimport {{ useState }} from 'react'\n"
            f"import {{ View, Text, Image, Button }} from '@tarojs/components'\n"
            f"import request from '../../services/request'\n"
            f"import Card from '../../components/card{n % 100}'\nimport './index.scss'\n\n"
            f"interface Item {{\n  id: string\n  title: string\n  price: number\n}}\n\n"
            f"export default function Page{n}() {{\n  const [items, setItems] = useState<Item[]>([])\n"
            f"  const [selected, setSelected] = useState<string[]>([])\n"
            f"  const [loading, setLoading] = useState(false)\n"
            f"{feature}{handlers}  useDidShow(() => {{\n    load0?.()\n  }})\n  return (\n    <View className='page'>\n"
            f"      <Image src='/assets/banner{n % 7}.png' />\n      <Card title='{noun}' />\n"
            f"      {{items.map((item) => (\n        <View key={{item.id}} className='item'>\n{rows}"
            f"        </View>\n      ))}}\n      <Button openType='share'>分享给好友</Button>\n    </View>\n  )\n}}\n")


APP_TS = ("import { PropsWithChildren } from 'react'\n\n"
          "function App({ children }: PropsWithChildren) {\n  return children\n}\n\nexport default App\n")
REQUEST_TS = ("import Taro from '@tarojs/taro'\n\nexport default function request(o: any) {\n"
              "  return Taro.request({ ...o, url: 'https://api.bench-taro.example.com' + o.url })\n}\n")
CARD_TSX = ("import { View, Text } from '@tarojs/components'\n\n"
            "export default function Card({ title }: { title: string }) {\n"
            "  return <View className='card'><Text>{title}</Text></View>\n}\n")


def taro_app(pages: int) -> dict[str, str]:
    """A TypeScript/TSX Taro app of ``pages`` pages (index.tsx, index.config.ts, index.scss each), 100
    components and a request service; seeded, so every run builds the same app."""
    rng = random.Random(17)
    files = {"package.json": json.dumps({"name": "bench-taro", "dependencies": {"@tarojs/taro": "3.6.0"}}) + "\n",
             "project.config.json": json.dumps({"miniprogramRoot": "dist/", "appid": "wx0000000000000000"}) + "\n",
             "src/app.config.ts": "export default defineAppConfig({\n  pages: [\n"
                                  + "".join(f"    'pages/p{n}/index',\n" for n in range(pages)) + "  ],\n})\n",
             "src/app.ts": APP_TS, "src/services/request.ts": REQUEST_TS}
    for n in range(pages):
        files[f"src/pages/p{n}/index.tsx"] = _page(rng, n)
        files[f"src/pages/p{n}/index.config.ts"] = \
            f"export default definePageConfig({{ navigationBarTitleText: '页面{n}' }})\n"
        files[f"src/pages/p{n}/index.scss"] = "".join(f".row-{i} {{\n  display: flex;\n  padding: {i}px;\n}}\n"
                                                      for i in range(8))
    for n in range(100):
        files[f"src/components/card{n}/index.tsx"] = CARD_TSX.replace("Card(", f"Card{n}(")
    return files


# ---------------------------------------------------------------------------------------------------
# Repositories


def generated_shapes(workdir: Path) -> list[Shape]:
    """The small PR (bench.py's 10-file change in a 100-page app) and the generated Taro import."""
    small = workdir / "small"
    commits, _shares = build_repo(small, SMALL_PAGES)
    stream = FastImport()
    init = stream.commit("init: README", {"README.md": "# bench taro\n"})
    app = stream.commit("import the app", taro_app(IMPORT_PAGES))
    ids = stream.run(workdir / "taro")
    return [Shape("small PR (generated)", small / ".git", commits["app"], commits["feature"]),
            Shape("whole-app import TS/TSX (generated)", workdir / "taro" / ".git", ids[init], ids[app], True)]


def real_small(spec: str) -> Shape:
    """``REPO:BASE..HEAD`` of a real repository."""
    repo, _, revs = spec.rpartition(":")
    base, _, head = revs.partition("..")
    return Shape(f"small PR ({Path(repo).parent.name if Path(repo).name == 'repo' else Path(repo).name})",
                 Path(repo), base, head)


def real_import(spec: str, workdir: Path) -> Shape:
    """``REPO:COMMIT``: that commit's whole tree committed again on an empty history, in a repository under
    ``workdir`` that borrows ``REPO``'s objects; blobs the mirror lacks become empty files."""
    source, _, commit = spec.rpartition(":")
    target = workdir / "import.git"
    env = git_env() | {"GIT_INDEX_FILE": str(workdir / "import.index")}

    def git(*args: str, stdin: str | None = None) -> str:
        return subprocess.run(["git", "--git-dir", str(target), *args], input=stdin, capture_output=True, text=True,
                              check=True, env=env).stdout.strip()

    subprocess.run(["git", "init", "-q", "--bare", str(target)], check=True, env=env)
    (target / "objects" / "info" / "alternates").write_text(str(Path(source) / "objects") + "\n")
    git("read-tree", commit)
    entries = [line.split(None, 3) for line in git("ls-files", "-s").splitlines()]
    present = git("cat-file", "--batch-check", stdin="".join(e[1] + "\n" for e in entries))
    missing = {line.split()[0] for line in present.splitlines() if line.endswith("missing")}
    empty = git("hash-object", "-w", "--stdin", stdin="")
    for _mode, blob, _stage, path in entries:
        if blob in missing:
            git("update-index", "--cacheinfo", f"100644,{empty},{path}")
    head = git("commit-tree", git("write-tree"), "-m", "import")
    name = Path(source).parent.name if Path(source).name == "repo" else Path(source).name
    return Shape(f"whole-app import ({name})", target, EMPTY_TREE, head, True)


# ---------------------------------------------------------------------------------------------------
# Timing


def _timed(args: Sequence[str], env: dict[str, str] | None = None, sample: bool = False) -> tuple[float, str, int]:
    """Wall seconds, stderr and (with ``sample``) the highest resident KiB of the process tree seen. The CPU
    seconds of the process and its descendants are added to :data:`CPU` (on a shared machine wall time
    follows the other jobs' load far more than CPU time does)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=err)
        peak = 0
        while proc.poll() is None:
            if sample:
                peak = max(peak, _tree_rss(proc.pid))
                time.sleep(SAMPLE_EVERY)
            else:
                proc.wait()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        err.seek(0)
        return wall, err.read().decode("utf-8", "replace"), peak


def warm_runs(args: Sequence[str], env: dict[str, str], repeat: int, label: str) -> tuple[list[float], list[float]]:
    """Run ``args`` once to warm the caches, then ``repeat`` times: the wall and CPU seconds of each timed run,
    printed as ``[label] 1.23 s (0.45 s CPU)`` while they come."""
    _timed(args, env=env)
    times, cpu = [], []
    for _ in range(repeat):
        times.append(_timed(args, env=env)[0])
        cpu.append(CPU[-1])
        print(f"[{label}] {times[-1]:.2f} s ({cpu[-1]:.2f} s CPU)", flush=True)
    return times, cpu


def _tree_rss(pid: int) -> int:
    """Memory of ``pid`` and all its descendants in KiB: the sum of their proportional set sizes (``Pss``:
    a page a forked worker shares with its parent counts half to each), VmRSS where Pss is not readable."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            try:
                status, key = Path(f"/proc/{current}/smaps_rollup").read_text(), "Pss:"
            except OSError:
                status, key = Path(f"/proc/{current}/status").read_text(), "VmRSS:"
        except OSError:
            continue  # gone meanwhile
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith(key)), 0)
        stack.extend(int(child) for child in children)
    return total


def _analysis(shape: Shape, cache: Path | None, src: Path, pycache: Path) -> Callable[[], tuple[float, str, int]]:
    env = python_env(src, pycache)
    args = [sys.executable, "-c", CHILD, "diff", "--repo", str(shape.repo), "--base", shape.base, "--head",
            shape.head, "--format", "json", "--quiet", "--output", os.devnull]
    return lambda: _timed(args + (["--cache", str(cache)] if cache else []), env=env, sample=cache is None)


def _semgrep(shape: Shape, semgrep: str, workdir: Path) -> Callable[[], tuple[float, str, int]] | None:
    """semgrep over the head checkout (the change is the whole app: every file is new)."""
    if not shape.whole_app:
        return None
    checkout = workdir / "checkout"
    shutil.rmtree(checkout, ignore_errors=True)
    checkout.mkdir()
    archive = subprocess.run(["git", "--git-dir", str(shape.repo), "archive", shape.head], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
    rules = workdir / "rules.yml"
    rules.write_text(SEMGREP_RULES)
    args = [semgrep, "scan", "--config", str(rules), "--metrics=off", "--quiet", "--json", "--disable-version-check",
            "-j", str(os.cpu_count() or 1), str(checkout)]
    return lambda: _timed(args)


def measure(shape: Shape, repeat: int, semgrep: str | None, workdir: Path, src: Path) -> ShapeResult:
    """Alternate the analysis of the mp-precheck in ``src`` (cold, then warm), ``python -c pass``, ``git diff
    -M`` and semgrep ``repeat`` times; medians of each. Every Python process reads bytecode compiled
    beforehand (``workdir/pycache``), as an installed package does."""
    pycache = workdir / "pycache"
    cache = workdir / f"cache-{abs(hash(shape.name))}.sqlite"
    cache.unlink(missing_ok=True)
    runs: dict[str, list[float]] = {"cold": [], "warm": [], "python": [], "git": [], "semgrep": [], "cold cpu": [],
                                    "python cpu": []}
    peaks: list[tuple[int, int]] = []  # (own VmHWM, process tree) KiB
    reference = {"python": lambda: _timed([sys.executable, "-c", "pass"], env=python_env(src, pycache)),
                 "git": lambda: _timed(["git", "--git-dir", str(shape.repo), "diff", "-M", shape.base, shape.head])}
    sem = _semgrep(shape, semgrep, workdir) if semgrep else None
    _analysis(shape, cache, src, pycache)()  # fills the fact cache for the warm runs (and compiles dependencies)
    for _ in range(repeat):
        seconds, stderr, tree = _analysis(shape, None, src, pycache)()
        runs["cold"].append(seconds)
        runs["cold cpu"].append(CPU[-1])
        peaks.append((json.loads(stderr.strip().splitlines()[-1])["peak_kib"], tree))
        runs["warm"].append(_analysis(shape, cache, src, pycache)()[0])
        for name, run in reference.items():
            runs[name].append(run()[0])
            if name == "python":
                runs["python cpu"].append(CPU[-1])
        if sem is not None:
            runs["semgrep"].append(sem()[0])
    stat = subprocess.run(["git", "--git-dir", str(shape.repo), "diff", "--shortstat", shape.base, shape.head],
                          capture_output=True, text=True, check=True).stdout.split()
    median = {name: round(statistics.median(values), 3) if values else None for name, values in runs.items()}
    return ShapeResult(shape.name, int(stat[0]), int(stat[3]) if len(stat) > 4 and "insert" in stat[4] else 0,
                       median["cold"] or 0.0, median["warm"] or 0.0, median["python"] or 0.0, median["git"] or 0.0,
                       median["semgrep"], round(max(own for own, _tree in peaks) / 1024, 1),
                       round(max(tree for _own, tree in peaks) / 1024, 1), median["cold cpu"] or 0.0,
                       median["python cpu"] or 0.0)


def import_seconds(repeat: int, src: Path, pycache: Path) -> float:
    """Median of what ``import mp_precheck.cli`` costs (``python -X importtime``, cumulative, from bytecode
    in ``pycache``)."""
    env = python_env(src, pycache)
    times = []
    for _ in range(repeat):
        _wall, stderr, _peak = _timed([sys.executable, "-X", "importtime", "-c", "import mp_precheck.cli"], env=env)
        last = [line for line in stderr.splitlines() if line.rstrip().endswith("mp_precheck.cli")][-1]
        times.append(int(last.split("|")[1]) / 1_000_000)
    return round(statistics.median(times), 3)


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}x" if reference else "n/a"


def table(results: Sequence[ShapeResult]) -> str:
    """A Markdown table: times, ratios to the references, peak memory."""
    heads = ("shape", "files", "added lines", "cold s", "warm s", "cold / python", "warm / python",
             "cold / git diff -M", "cold / semgrep", "cold CPU s", "CPU / python CPU", "peak MB", "tree peak MB")
    rows = [(r.shape, str(r.files), str(r.added_lines), f"{r.seconds:.3f}", f"{r.warm_seconds:.3f}",
             _ratio(r.seconds, r.python_seconds), _ratio(r.warm_seconds, r.python_seconds),
             _ratio(r.seconds, r.git_diff_seconds), _ratio(r.seconds, r.semgrep_seconds), f"{r.cpu_seconds:.3f}",
             _ratio(r.cpu_seconds, r.python_cpu_seconds), f"{r.peak_mb:.1f}", f"{r.tree_mb:.1f}") for r in results]
    widths = [max(len(c) for c in column) for column in zip(heads, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    references = "; ".join(f"{r.shape}: python -c pass {r.python_seconds:.3f} s ({r.python_cpu_seconds:.3f} s CPU), "
                           f"git diff -M {r.git_diff_seconds:.3f} s"
                           + (f", semgrep {r.semgrep_seconds:.2f} s" if r.semgrep_seconds else "") for r in results)
    return "\n".join([line(heads), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows), "",
                      "references: " + references])


def verdict(results: Sequence[ShapeResult]) -> str:
    """The issue's targets: small PR <= 12x python (warm <= 8x); import <= 0.2x semgrep, <= 6x git diff -M,
    <= 200 MB."""
    lines = []
    for r in results:
        if r.shape.startswith("small"):
            checks = [("cold <= 12x python", r.seconds <= 12 * r.python_seconds),
                      ("warm <= 8x python", r.warm_seconds <= 8 * r.python_seconds)]
        else:
            checks = [("<= 6x git diff -M", r.seconds <= 6 * r.git_diff_seconds),
                      ("peak <= 200 MB (process tree)", r.tree_mb <= 200)]
            if r.semgrep_seconds:
                checks.append(("<= 0.2x semgrep", r.seconds <= 0.2 * r.semgrep_seconds))
        lines += [f"target: {r.shape}: {name}: {'MET' if ok else 'MISSED'}" for name, ok in checks]
    return "\n".join(lines)


def run_shapes(real_small_spec: str | None, real_import_spec: str | None, semgrep: str | None,
               repeat: int, src: Path, generated: bool = True) -> list[ShapeResult]:
    """Build (or borrow) every shape, measure each and print the table, the targets and the import time."""
    semgrep = semgrep or shutil.which("semgrep")
    results = []
    with tempfile.TemporaryDirectory(prefix="mp-precheck-shapes-") as tmp:
        workdir = Path(tmp)
        compile_sources(src, workdir / "pycache")
        shapes = generated_shapes(workdir) if generated else []
        if real_small_spec:
            shapes.append(real_small(real_small_spec))
        if real_import_spec:
            shapes.append(real_import(real_import_spec, workdir))
        for shape in shapes:
            results.append(measure(shape, repeat, semgrep, workdir, src))
            print(f"[shapes] {shape.name}: {results[-1].seconds:.2f} s", flush=True)
        imported = import_seconds(repeat, src, workdir / "pycache")
    print()
    print(table(results))
    print()
    print(verdict(results) + ("" if semgrep else "\nsemgrep: not installed (pass --semgrep PATH)"))
    print(f"import mp_precheck.cli: {imported:.3f} s (python -X importtime, median)")
    return results
