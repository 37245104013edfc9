"""관리자용: 노트북을 위에서부터 다시 실행해 출력과 함께 저장한다.

    python -m mnist_course.execute book/03_mnist_practice.ipynb [더 많은 노트북...]

책에 실리는 출력은 기본 시드(42)로 실행한 것이어야 하므로 MNIST_COURSE_SEED를 42로 맞춘다.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mnist_course.environment import DEFAULT_SEED, SEED_ENV


def execute_notebook(path: Path, timeout: int = 1200) -> float:
    """노트북 하나를 제자리에서 실행해 저장하고, 걸린 시간(초)을 돌려준다."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}, record_timing=False
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    nbformat.write(nb, path)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()
    os.environ[SEED_ENV] = str(DEFAULT_SEED)
    for path in args.notebooks:
        print(f"{path} 실행 중...", flush=True)
        print(f"{path}: {execute_notebook(path):.0f}초", flush=True)


if __name__ == "__main__":
    main()
