"""관리자용: 노트북을 위에서부터 다시 실행해 출력과 함께 저장한다.

    python -m tools.execute book/04_mnist_practice.ipynb [더 많은 노트북...]

책에 실리는 출력은 기본 시드(42)로 실행한 것이어야 하므로 MNIST_COURSE_SEED를 42로 맞춘다.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mnist_course.environment import DEFAULT_SEED, SEED_ENV


def run_notebook(
    nb: nbformat.NotebookNode, workdir: Path, timeout: int = 1200, on_cell: Callable[[int, int], None] | None = None
) -> float:
    """노트북 객체를 새 커널에서 위에서부터 실행하고(출력은 nb에 채워진다) 걸린 시간(초)을 돌려준다.

    on_cell(끝난 셀 번호, 전체 셀 수)는 셀이 하나 끝날 때마다 불린다.
    """
    hook = None
    if on_cell is not None:
        total = len(nb.cells)

        def hook(cell: nbformat.NotebookNode, cell_index: int, **_: object) -> None:
            on_cell(cell_index + 1, total)

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
        record_timing=False,
        on_cell_executed=hook,
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def load_notebook(path: Path) -> nbformat.NotebookNode:
    """노트북 파일을 읽는다. 없거나, 폴더이거나, 노트북이 아니면 한 줄짜리 이유를 담은 ValueError."""
    if not path.exists():
        raise ValueError(f"{path}: 파일이 없습니다(file not found).")
    if not path.is_file():
        raise ValueError(f"{path}: 노트북 파일이 아닙니다(not a file).")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as err:  # nbformat은 JSON 오류, 스키마 오류, TypeError, UnicodeDecodeError 등 여러 가지를 낸다
        reason = (str(err).strip().splitlines() or [""])[0][:200]
        raise ValueError(f"{path}: 주피터 노트북(.ipynb)으로 읽을 수 없습니다(not a notebook): {type(err).__name__}: {reason}") from None


def execute_notebook(path: Path, timeout: int = 1200) -> float:
    """노트북 파일 하나를 제자리에서 실행해 저장하고, 걸린 시간(초)을 돌려준다."""
    nb = load_notebook(path)
    elapsed = run_notebook(nb, path.parent, timeout)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.notebooks:  # 하나라도 잘못되었으면 아무것도 실행하기 전에 멈춘다
        try:
            load_notebook(path)
        except ValueError as err:
            print(f"{parser.prog}: 오류(error): {err}", file=sys.stderr)
            raise SystemExit(2) from None
    os.environ[SEED_ENV] = str(DEFAULT_SEED)
    for path in args.notebooks:
        print(f"{path} 실행 중...", flush=True)
        print(f"{path}: {execute_notebook(path):.0f}초", flush=True)


if __name__ == "__main__":
    main()
