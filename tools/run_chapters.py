"""장 노트북을 새 커널에서 처음부터 끝까지 실행하고, 오류·stderr 출력·범위 확인 실패가 하나라도 있으면 실패한다.

    python tools/run_chapters.py --out _build/run book/04_mnist_practice.ipynb

검사하려는 가상 환경의 파이썬으로 부른다(그 환경의 nbclient·nbformat과 python3 커널을 쓴다).
작업 폴더는 빈 임시 폴더라 저장소 파일 없이 설치된 패키지만으로 돈다. 실행된 노트북은 --out에 남는다.
Colab 런타임 검사(tools/colab_check.py)와 학습자 설치 검사(tests/test_local_install.py)가 쓴다.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PASSED = "확인 통과(check passed)"


def run_notebooks(paths: list[Path], out_dir: Path) -> list[str]:
    """노트북들을 실행해 out_dir에 쓰고, 찾은 문제(셀 오류, stderr 출력)의 목록을 돌려준다."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    problems = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:  # 저장된 출력이 남아 있으면 실행되지 않은 셀의 결과가 섞인다
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as workdir:
            try:
                NotebookClient(nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": workdir}}).execute()
            except CellExecutionError as err:  # 범위 확인 실패(RangeCheckError)도 여기로 온다
                problems.append(f"{path.name}: 셀 실행 오류\n{str(err)[-1500:]}")
        stderr = [(i, o["text"]) for i, c in enumerate(nb.cells) if c.cell_type == "code"
                  for o in c.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        problems += [f"{path.name} 셀 {i}: stderr 출력 {text[:300]!r}" for i, text in stderr]
        checks = sum(o.get("text", "").count(PASSED) for c in nb.cells for o in c.get("outputs", []))
        nbformat.write(nb, out_dir / path.name)
        print(f"{path.name}: {time.perf_counter() - start:.0f}초, 범위 확인 {checks}개 통과", flush=True)
    return problems


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="실행된 노트북을 쓸 폴더")
    args = parser.parse_args(argv)
    problems = run_notebooks(args.notebooks, args.out)
    if problems:
        print("장 실행 실패:\n" + "\n".join(problems), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
