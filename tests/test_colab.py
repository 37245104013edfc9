"""Colab에서 보이는 모습과 설치 셀: 설치 셀과 Colab 링크가 _config.yml·패키지 판과 맞는지, Colab 밖에서는 아무 일도 안 하는지,
그리고 Colab(평범한 마크다운)이 보여 줄 수 없는 MyST 문법이 없고 정답·풀이가 접혀 있는지."""

from __future__ import annotations

import re
import sys
import tomllib
import types
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from tests.book_files import ROOT, colab_link, config, toc_notebooks

NOTEBOOKS = toc_notebooks()


def first_code_cell(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    return next(cell.source for cell in nb.cells if cell.cell_type == "code")


class RecordingShell:
    """셀이 부르는 IPython 매직(%pip 등)을 실행하지 않고 기록만 한다."""

    def __init__(self) -> None:
        self.magics: list[tuple[str, str]] = []

    def run_line_magic(self, name: str, line: str) -> None:
        self.magics.append((name, line))


def run_setup_cell(source: str, in_colab: bool) -> list[tuple[str, str]]:
    shell = RecordingShell()
    code = TransformerManager().transform_cell(source)
    saved = sys.modules.get("google.colab")
    if in_colab:
        sys.modules["google.colab"] = types.ModuleType("google.colab")
    else:
        sys.modules.pop("google.colab", None)
    try:
        exec(compile(code, "<setup cell>", "exec"), {"get_ipython": lambda: shell})
    finally:
        sys.modules.pop("google.colab", None)
        if saved is not None:
            sys.modules["google.colab"] = saved
    return shell.magics


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_installs_the_release_it_was_executed_with(notebook: Path) -> None:
    """설치 셀은 main이 아니라 pyproject.toml의 판(태그 v{version})을 설치한다."""
    source = first_code_cell(notebook)
    expected = f'pip install -q "mnist-course @ git+{config()["repository"]["url"]}@v{package_version()}"'
    assert run_setup_cell(source, in_colab=True) == [("pip", expected.removeprefix("pip "))]
    assert "tensorflow" not in source.lower(), "Colab의 TensorFlow를 다시 설치하거나 바꾸면 안 됩니다"


def package_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_setup_cell_is_a_no_op_outside_colab(notebook: Path) -> None:
    assert run_setup_cell(first_code_cell(notebook), in_colab=False) == []


def test_colab_link_format() -> None:
    link = colab_link(ROOT / "book" / "04_mnist_practice.ipynb")
    assert link.startswith("https://colab.research.google.com/github/")
    assert link.endswith("/blob/main/book/04_mnist_practice.ipynb")
    assert "/book/book/" not in link


# Colab과 보통의 Jupyter는 마크다운 셀을 CommonMark(+HTML)로만 그린다: 아래 MyST 문법은 날것 그대로 보인다.
MYST_ONLY = {
    "지시어 펜스(directive) ```{...}": re.compile(r"^\s*(```|~~~)\s*\{", re.M),
    "콜론 펜스(colon fence) :::": re.compile(r"^\s*:::", re.M),
    "역할(role) {name}`...`": re.compile(r"\{[a-z][\w:-]*\}`"),
    "대상(target) (label)=": re.compile(r"^\([\w-]+\)=\s*$", re.M),
    "치환(substitution) {{ ... }}": re.compile(r"\{\{.*?\}\}"),
    "주석(comment) % ...": re.compile(r"^%", re.M),
}


# GFM(Colab, JupyterLab의 마크다운)은 물결표 한 쌍(0~255 … 0~1)도 취소선(strikethrough)으로 그린다: 본문에서는 \~로 쓴다.
CODE_OR_MATH = re.compile(r"(```.*?```|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$)", re.S)
BARE_TILDE = re.compile(r"(?<!\\)~")


SOLUTION_TITLE = "#@title 풀이 보기"  # 풀이 셀: 코드도 출력도 답이다


def fold_problems(cell) -> list[str]:
    """접힌 코드 셀은 세 곳 모두에서 접혀야 한다: 사이트(hide-input), Colab(cellView: form + 첫 줄 #@title),
    JupyterLab/Notebook 7(jupyter.source_hidden). 풀이 셀은 JupyterLab에서 출력도 접는다(outputs_hidden)."""
    site = "hide-input" in cell.metadata.get("tags", [])
    colab = cell.metadata.get("cellView") == "form" and cell.source.startswith("#@title ")
    jupyter = cell.metadata.get("jupyter", {})
    if not (site or colab or jupyter.get("source_hidden")):
        return []
    missing = [name for name, folded in (("사이트의 hide-input 태그", site), ("Colab의 cellView: form + 첫 줄 #@title", colab),
                                         ("JupyterLab의 jupyter.source_hidden", jupyter.get("source_hidden"))) if not folded]
    if cell.source.startswith(SOLUTION_TITLE) and not jupyter.get("outputs_hidden"):
        missing.append("풀이 셀의 JupyterLab jupyter.outputs_hidden")
    return [f"접힌 셀인데 빠진 접기: {', '.join(missing)}"] if missing else []


def markup_problems(nb) -> list[str]:
    """노트북이 Colab에서 날것의 MyST를 보이거나 정답·풀이를 펼쳐 보이는 곳들."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            problems += [f"셀 {i}: MyST {name}" for name, pattern in MYST_ONLY.items() if pattern.search(cell.source)]
            if BARE_TILDE.search(CODE_OR_MATH.sub("", cell.source)):
                problems.append(f"셀 {i}: 물결표(~)를 \\~로 쓰세요(Colab에서 취소선이 됩니다)")
            opened, closed = len(re.findall(r"<details\b", cell.source)), cell.source.count("</details>")
            if opened != closed or cell.source.count("<summary>") != opened:
                problems.append(f"셀 {i}: <details>와 <summary>, </details>의 짝이 맞지 않습니다")
            if re.search(r"<details[^>]*\bopen\b", cell.source):
                problems.append(f"셀 {i}: 정답이 펼쳐진 채(<details open>)입니다")
            if "정답" in cell.source and re.search(r"정답 보기", cell.source) and "<summary>정답 보기</summary>" not in cell.source:
                problems.append(f"셀 {i}: 정답을 <details><summary>정답 보기</summary>로 접지 않았습니다")
        elif cell.cell_type == "code":
            problems += [f"셀 {i}: {problem}" for problem in fold_problems(cell)]
    return problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_colab_shows_no_raw_myst_and_hides_answers(notebook: Path) -> None:
    assert markup_problems(nbformat.read(notebook, as_version=4)) == []


def test_markup_check_catches_what_colab_would_show_wrong() -> None:
    """검사 자체가 실패할 수 있는지: 일부러 잘못 쓴 셀마다 문제가 하나씩 잡혀야 한다."""
    v4 = nbformat.v4
    nb = v4.new_notebook()
    site_and_colab = {"cellView": "form", "tags": ["hide-input"]}
    all_folded = {"source_hidden": True, "outputs_hidden": True}
    nb.cells = [
        v4.new_markdown_cell("```{note}\n참고\n```"),
        v4.new_markdown_cell(":::{tip}\n팁\n:::"),
        v4.new_markdown_cell("{math}`x^2`을 봅니다"),
        v4.new_markdown_cell("<details open>\n<summary>정답 보기</summary>\n\n50번\n\n</details>"),
        v4.new_markdown_cell("<details>\n<summary>정답 보기</summary>\n\n50번"),
        v4.new_markdown_cell("픽셀 값 0~255를 0~1로 바꿉니다."),
        v4.new_code_cell("print(1)", metadata={"tags": ["hide-input"]}),
        v4.new_code_cell("#@title 풀이 보기\nprint(1)", metadata={"cellView": "form"}),
        v4.new_code_cell("#@title 그림\nprint(1)", metadata={"cellView": "form", "tags": ["hide-input"]}),
        v4.new_code_cell("#@title 풀이 보기\nprint(1)", metadata={**site_and_colab, "jupyter": {"source_hidden": True}}),
        v4.new_code_cell("print(1)", metadata={"jupyter": {"source_hidden": True}}),
        v4.new_markdown_cell("0\\~255, `a~b`, $x \\sim y$, $$a~b$$: 이스케이프하거나 코드·수식 안이면 괜찮습니다."),
        v4.new_markdown_cell("> **참고**\n>\n> 평범한 인용문은 괜찮습니다.\n\n<details>\n<summary>정답 보기</summary>\n\n50번\n</details>"),
        v4.new_code_cell("#@title 그림\nprint(1)", metadata={**site_and_colab, "jupyter": {"source_hidden": True}}),
        v4.new_code_cell("#@title 풀이 보기\nprint(1)", metadata={**site_and_colab, "jupyter": all_folded}),
        v4.new_code_cell("print(1)"),
    ]
    assert [p.split(":")[0] for p in markup_problems(nb)] == [f"셀 {i}" for i in range(11)]
