"""패키지가 선언한 의존성: 패키지가 부르는 것이 모두 선언되어 있고, Colab의 버전을 받아들이며, 학습자 설치에 관리자 도구가 없다."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.book_files import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LEARNER = {Requirement(d).name: Requirement(d) for d in PROJECT["dependencies"]}
DISTRIBUTION = {"yaml": "pyyaml", "absl": "absl-py", "IPython": "ipython", "koreanize_matplotlib": "koreanize-matplotlib"}
MAINTAINER_TOOLS = {"nbclient", "nbformat", "pyyaml", "jupyter-book", "sphinx", "myst-nb", "pytest", "nbval", "ruff", "playwright",
                    "beautifulsoup4", "check-jsonschema"}


def third_party_imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "mnist_course"}


def colab_versions() -> dict[str, str]:
    """Colab 런타임 검사(tools/colab_check.py)가 쓰는 것과 같은 Colab 패키지 목록."""
    from tools.colab_check import colab_versions as versions

    return versions()


def test_every_import_of_the_package_is_declared() -> None:
    for path in sorted((ROOT / "mnist_course").rglob("*.py")):
        for name in third_party_imports(path):
            assert DISTRIBUTION.get(name, name).lower() in LEARNER, f"{path.name}: {name}을(를) pyproject.toml에 선언하지 않았습니다"


@pytest.mark.slow  # 격리된 빌드 환경에 setuptools를 내려받는다
def test_the_learner_wheel_holds_every_learner_module_and_no_maintainer_tool(tmp_path: Path) -> None:
    """학습자가 설치하는 휠(wheel)에는 mnist_course의 모든 모듈이 있고, 관리자 도구(tools/)와 테스트는 없다."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("mnist_course", "tools", "tests"):  # 관리자 도구가 옆에 있어도 휠에 들어가지 않아야 한다
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("mnist_course-*.whl")
    modules = {name for name in zipfile.ZipFile(wheel).namelist() if name.endswith(".py")}
    learner = {path.relative_to(ROOT).as_posix() for path in (ROOT / "mnist_course").rglob("*.py")}
    assert modules == learner, f"휠에 더 있는 것: {sorted(modules - learner)}, 빠진 것: {sorted(learner - modules)}"


def test_learner_install_carries_no_maintainer_tools() -> None:
    assert not MAINTAINER_TOOLS & set(LEARNER)
    learner_requirements = {Requirement(line).name for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
                            if line.strip() and not line.startswith(("#", "-"))}
    assert not MAINTAINER_TOOLS & learner_requirements, "관리자 도구는 requirements-dev.txt에 둡니다"
    assert {"tensorflow", "keras", "ipywidgets", "jupyterlab", "koreanize-matplotlib"} <= learner_requirements
    assert "-e ." in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()


def test_dependency_floors_accept_colabs_versions() -> None:
    """Colab에 있는 패키지는 Colab의 버전 그대로 받아들여야 한다(설치가 Colab의 패키지를 바꾸지 않도록)."""
    colab = colab_versions()
    assert colab["ipywidgets"].startswith("7."), "위젯 코드는 Colab의 ipywidgets 7 API 안에 머문다(README)"
    for name, requirement in LEARNER.items():
        if name in colab:
            assert requirement.specifier.contains(colab[name]), f"{requirement}: Colab의 {name} {colab[name]}을 받아들이지 않습니다"
    for version in ("2.16.1", "2.20.0", "2.21.0"):
        assert LEARNER["tensorflow"].specifier.contains(version)
    assert LEARNER["ipywidgets"].specifier.contains("8.1.9")


MAX_MODULE_LINES = 500  # 학습자 패키지의 모듈 하나(이보다 길면 장이나 주제로 나눈다)
MAX_FUNCTION_LINES = 60  # 함수 하나(넘으면 docstring에 "길이:"로 까닭을 적는다)


def test_learner_modules_and_functions_stay_small() -> None:
    """학습자 패키지를 새 관리자가 읽을 수 있게: 모듈은 500줄, 함수는 60줄 안쪽(까닭을 적은 함수만 예외)."""
    too_long = []
    for path in sorted((ROOT / "mnist_course").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())}줄")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES and "길이:" not in (ast.get_docstring(node) or ""):
                    too_long.append(f"{name}: {node.name}() {length}줄")
    assert not too_long, "나누거나 docstring에 '길이:'로 까닭을 적으세요: " + ", ".join(too_long)
