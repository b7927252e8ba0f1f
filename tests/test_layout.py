"""The code's layout holds: one app per concern, imports flowing one way.

Every project module's imports are read from its source (migrations and
settings aside). No module may take part in an import cycle, no app may
import an app that imports it back, and an import placed inside a function
must say why on its line or the line above (a reason that is not a cycle).
`python -m tests.test_layout` prints the app graph (docs/architecture.md)."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "tests", "benchmarks", "migrations", "settings", "node_modules", "locale", "templates", "docs"}


def project_modules():
    """{module name: path} for every module of the project's own apps."""
    packages = sorted(p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in SKIPPED)
    modules = {}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            if SKIPPED & set(path.relative_to(ROOT).parts[:-1]):
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def imports_of(name, path, modules):
    """[(imported module, line, inside a function?)] for the project modules `name` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            targets = []
            if isinstance(child, ast.Import):
                targets = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - child.level + 1] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in child.names] + [base]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    found.append((target, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def graph():
    modules = project_modules()
    edges = defaultdict(set)
    late = []
    for name, path in modules.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, line, in_function in imports_of(name, path, modules):
            edges[name].add(target)
            if in_function:
                here, above = lines[line - 1], lines[line - 2] if line > 1 else ""
                if "#" not in here and not above.strip().startswith("#"):
                    late.append(f"{path.relative_to(ROOT)}:{line} imports {target} inside a function")
    return modules, edges, late


def cycles(edges):
    """Strongly connected groups of more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in list(edges):
        if node not in index:
            connect(node)
    return found


def app_edges(edges):
    apps = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            if source.split(".")[0] != target.split(".")[0]:
                apps[source.split(".")[0]].add(target.split(".")[0])
    return apps


def test_no_module_takes_part_in_an_import_cycle():
    _modules, edges, _late = graph()
    assert cycles(edges) == []


def test_apps_import_each_other_one_way_only():
    _modules, edges, _late = graph()
    assert cycles(app_edges(edges)) == []


def test_the_page_agnostic_apps_import_no_page_app():
    _modules, edges, _late = graph()
    apps = app_edges(edges)
    assert apps["security"] <= set(), apps["security"]  # the bottom: any app may use it
    assert apps["clinic"] <= {"security"}, apps["clinic"]
    assert apps["seo"] <= {"clinic", "security"}, apps["seo"]


def test_no_page_app_imports_the_cache():
    """Models never import the cache: blog keeps values through blog/kept.py's
    hook, and serving, above them, derives everything from its declarations."""
    _modules, edges, _late = graph()
    apps = app_edges(edges)
    assert {app for app in ("blog", "home", "pages") if "serving" in apps[app]} == set()


def printed_graph(edges):
    return [f"{app} → {', '.join(sorted(targets))}" for app, targets in sorted(app_edges(edges).items())]


def test_the_graph_in_docs_architecture_is_the_code_s():
    _modules, edges, _late = graph()
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    documented = text.split("The graph as it stands", 1)[1].split("```", 2)[1].strip().splitlines()
    expected = "\n".join(printed_graph(edges))
    assert documented == printed_graph(edges), f"docs/architecture.md should show:\n{expected}"


def test_every_import_inside_a_function_says_why():
    _modules, _edges, late = graph()
    assert late == []


def test_no_module_is_over_400_lines():
    modules, _edges, _late = graph()
    long = {name: n for name, path in modules.items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


if __name__ == "__main__":
    _modules, edges, _late = graph()
    print("\n".join(printed_graph(edges)))
