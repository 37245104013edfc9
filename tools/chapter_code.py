"""장 노트북에 정의된 함수를 그대로 꺼내 쓴다: 테스트와 설계 도구가 장의 모델을 다시 타이핑하지 않도록(한 출처).

    build_cnn = chapter_function("09", "build_cnn")   # 9장의 `def build_cnn(...)` 셀에서 그 함수만 실행해 돌려준다
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import nbformat

BOOK = Path(__file__).resolve().parent.parent / "book"


def python_source(source: str) -> str:
    """IPython 매직 줄(%pip, !ls)을 같은 들여쓰기의 pass로 바꿔 파이썬으로 읽을 수 있게 한다."""
    lines = source.splitlines()
    return "\n".join(line[: len(line) - len(line.lstrip())] + "pass" if line.lstrip().startswith(("%", "!")) else line for line in lines)


def chapter_function(chapter: str, name: str, book: Path = BOOK) -> Callable:
    """chapter(파일 이름 앞부분)의 노트북에서 `def name`을 찾아 그 정의만 실행한 함수. 없거나 둘 이상이면 LookupError."""
    import keras

    paths = sorted(book.glob(f"{chapter}*.ipynb"))
    if len(paths) != 1:
        raise LookupError(f"{book}에 {chapter}로 시작하는 노트북이 {len(paths)}개 있습니다(하나여야 합니다).")
    (path,) = paths
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code" and f"def {name}(" in cell.source:
            source = python_source(cell.source)
            found += [ast.get_source_segment(source, node) for node in ast.parse(source).body
                      if isinstance(node, ast.FunctionDef) and node.name == name]
    if len(found) != 1:
        raise LookupError(f"{path.name}: `def {name}`이 {len(found)}번 있습니다(한 번이어야 합니다).")
    namespace: dict = {"keras": keras}
    exec(compile(found[0], f"{path.name}:{name}", "exec"), namespace)  # noqa: S102 - 저장소의 노트북 코드
    return namespace[name]
