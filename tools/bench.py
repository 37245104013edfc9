"""책 벤치마크: 목차(_toc.yml)의 노트북을 하나씩 새 커널에서 실행해 장별 시간, 최대 메모리, 핵심 수치를 잰다.

    python -m tools.bench                    # 모든 장
    python -m tools.bench --chapters 01 08   # 일부 장 (파일 이름 앞부분)
    python -m tools.bench --seed 7 --out _build/bench
    python -m tools.bench --update-pages     # 잰 시간을 각 장 첫머리의 "실행 시간" 문장에 적는다

결과는 --out 폴더의 bench.md(마크다운 표)와 bench.csv에 쓴다. --update-pages 없이는 노트북 파일을 바꾸지 않는다.
시드 스윕(여러 시드로 돌려 기대 범위 정하기)은 python -m tools.sweep.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from mnist_course.environment import DEFAULT_SEED, SEED_ENV, parse_seed
from tools.bench_kernel import CONTRACT_KEY, MATMUL_SIZE
from tools.execute import run_notebook

REPO = Path(__file__).resolve().parent.parent  # 커널이 tools 패키지를 찾도록 맨 앞 셀이 sys.path에 넣는다


def recorder_cell() -> str:
    """복사본의 맨 앞 셀: 노트북보다 먼저 check_range를 감싸 통과한 값을 모은다(tools/bench_kernel.py)."""
    return f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom tools.bench_kernel import record_figures\nrecord_figures()"


def result_cell(contract: dict) -> str:
    """복사본의 맨 끝 셀: 모은 값과 측정치를 한 줄 JSON으로 찍는다. contract는 노트북 메타데이터의 약속."""
    return f"from tools.bench_kernel import kernel_report\nprint('BENCH_RESULT', kernel_report(globals(), {contract!r}))"


# 각 장 첫머리에 있는 실행 시간 문장. --update-pages가 시간 부분만 바꾼다.
RUNTIME_SENTENCE = re.compile(r"(\*\*실행 시간\*\*: 2코어 CPU에서 처음부터 끝까지 약 )(\d+분(?: \d+초)?|\d+초)( 걸립니다)")


class BenchSetupError(ValueError):
    """장을 실행하기 전에 알 수 있는 잘못(목차, 장 이름, 출력 폴더). main은 한 줄 오류와 종료 코드 2로 끝낸다."""


@dataclass
class ChapterResult:
    chapter: str
    seconds: float
    peak_mib: float
    figures: list[dict] = field(default_factory=list)
    env: dict = field(default_factory=dict)
    fit: dict | None = None


def describe_total_fit(fit: dict) -> str:
    """모델이 둘 이상이면(9장 앙상블) 모든 fit의 합계를 덧붙이는 말. 처리율(GFLOP/s)은 첫 모델의 fit으로 잰다."""
    if "total_seconds" not in fit:
        return ""
    return f"(첫 모델, 두 모델 합계 {fit['total_seconds']:.0f}초)"


def toc_notebooks(root: Path) -> list[Path]:
    """_toc.yml에 적힌 순서대로 노트북 경로(.md 페이지는 건너뛴다). 목차가 없거나 잘못되면 BenchSetupError."""
    toc_path = root / "_toc.yml"
    if not root.is_dir():
        raise BenchSetupError(f"--root {root}: 그런 폴더가 없습니다(folder not found). 책의 루트(_toc.yml이 있는 곳)를 지정하세요.")
    try:
        toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
        names = [toc["root"]] + [entry["file"] for entry in toc.get("chapters") or []]
    except FileNotFoundError:
        raise BenchSetupError(f"--root {root}: _toc.yml이 없습니다(no _toc.yml). 책의 루트 폴더를 지정하세요.") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError, AttributeError) as err:
        reason = (str(err).strip().splitlines() or [""])[0]
        raise BenchSetupError(f"{toc_path}: 목차를 읽을 수 없습니다(invalid _toc.yml): {type(err).__name__}: {reason}") from None
    missing = [name for name in names if not (root / f"{name}.ipynb").exists() and not (root / f"{name}.md").exists()]
    if missing:
        raise BenchSetupError(f"{toc_path}: 목차에 적힌 파일이 없습니다(missing files): {', '.join(missing)}")
    return [root / f"{name}.ipynb" for name in names if (root / f"{name}.ipynb").exists()]


def select(notebooks: list[Path], prefixes: list[str] | None) -> list[Path]:
    if not prefixes:
        return notebooks
    chosen = [nb for nb in notebooks if any(nb.stem.startswith(p) for p in prefixes)]
    if not chosen:
        names = ", ".join(nb.stem for nb in notebooks)
        raise BenchSetupError(f"--chapters {' '.join(prefixes)}: 맞는 장이 없습니다. 목차의 장: {names}")
    return chosen


def check_out(out: Path) -> None:
    """표를 쓸 폴더를 장을 실행하기 전에 만들고 써 본다(모든 장을 돌린 뒤에야 쓰지 못해 결과를 잃지 않게)."""
    if out.exists() and not out.is_dir():
        raise BenchSetupError(f"--out {out}: 폴더가 아니라 파일입니다(not a folder). 표를 쓸 폴더를 지정하세요.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as err:
        raise BenchSetupError(f"--out {out}: 이 폴더를 만들거나 쓸 수 없습니다(not writable): {err.strerror or err}") from None
    for name in ("bench.md", "bench.csv"):
        if (out / name).is_dir():
            raise BenchSetupError(f"--out {out}: {name}이 폴더라서 표를 쓸 수 없습니다. 치우거나 다른 --out을 지정하세요.")


def check_runtime_sentence(path: Path) -> None:
    """--update-pages가 고칠 실행 시간 문장이 첫 마크다운 셀에 있는지, 장을 실행하기 전에 확인한다."""
    nb = nbformat.read(path, as_version=4)
    cell = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if cell is None or not RUNTIME_SENTENCE.search(cell.source):
        raise BenchSetupError(
            f"{path.name}: 첫 마크다운 셀에 실행 시간 문장이 없습니다. "
            "'**실행 시간**: 2코어 CPU에서 처음부터 끝까지 약 1분 걸립니다' 꼴의 문장을 넣어 주세요."
        )


def bench_notebook(path: Path, progress: bool = True) -> ChapterResult:
    """노트북 한 개를 복사본으로 실행해 잰다. 앞뒤에 넣는 기록용 셀 두 개는 시간에 넣지 않는다."""
    nb = nbformat.read(path, as_version=4)
    contract = dict(nb.metadata.get(CONTRACT_KEY, {}))
    nb.cells.insert(0, nbformat.v4.new_code_cell(recorder_cell()))
    nb.cells.append(nbformat.v4.new_code_cell(result_cell(contract)))
    timings: dict[int, float] = {}

    def show(done: int, total: int) -> None:
        timings[done] = time.perf_counter()
        if progress:
            print(f"\r  셀 {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        run_notebook(nb, path.parent, on_cell=show)
    finally:
        if progress:
            print("\r", end="", file=sys.stderr)
    # 기록용 앞 셀이 끝난 뒤부터 노트북의 마지막 코드 셀이 끝날 때까지(on_cell은 코드 셀마다 불린다)
    done = sorted(timings)
    seconds = timings[done[-2]] - timings[done[0]]
    line = next(o.text for o in nb.cells[-1].outputs if o.get("name") == "stdout" and o.text.startswith("BENCH_RESULT"))
    result = json.loads(line.split(" ", 1)[1])
    return ChapterResult(path.stem, seconds, result["peak_kib"] / 1024, result["figures"], result["env"], result.get("fit"))


def format_figures(figures: list[dict]) -> str:
    return "; ".join(f"{f['name']} {f['value']:.4g} ∈ [{f['lo']}, {f['hi']}]" for f in figures) or "-"


def write_tables(results: list[ChapterResult], out: Path, seed: int) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    total_seconds = sum(r.seconds for r in results)
    peak = max((r.peak_mib for r in results), default=0.0)
    env = next((r.env for r in results if "tensorflow" in r.env), results[0].env if results else {})
    md_lines = [
        describe_environment(env),
        "",
        f"| 장 | 실행 시간(초) | 최대 메모리(MiB) | 핵심 수치 (시드 {seed}) |",
        "| --- | ---: | ---: | --- |",
        *(f"| {r.chapter} | {r.seconds:.0f} | {r.peak_mib:.0f} | {format_figures(r.figures)} |" for r in results),
        f"| **합계** | **{total_seconds:.0f}** | **{peak:.0f}** (최대) | |",
    ]
    for r in results:
        if r.fit:
            f = r.fit
            md_lines += [
                "",
                f"- {r.chapter} 학습(`fit`): {f['seconds']:.0f}초{describe_total_fit(f)}, "
                f"이미지 한 장에 {f['mflop_per_image']:.1f} MFLOP × {f['images']:,}장 → "
                f"**{f['gflops']:.1f} GFLOP/s**. 같은 커널에서 잰 float32 {MATMUL_SIZE}×{MATMUL_SIZE} 행렬 곱: "
                f"{f['matmul_gflops']:.1f} GFLOP/s, 비율 **{f['ratio']:.0%}**.",
            ]
    md_path = out / "bench.md"
    md_path.write_text("\n".join(md_lines) + "\n", encoding="utf-8")
    csv_path = out / "bench.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["chapter", "seconds", "peak_mib", "figure", "value", "lo", "hi"])
        for r in results:
            for fig in r.figures or [{"name": "", "value": "", "lo": "", "hi": ""}]:
                writer.writerow([r.chapter, f"{r.seconds:.1f}", f"{r.peak_mib:.0f}", fig["name"], fig["value"], fig["lo"], fig["hi"]])
        writer.writerow(["TOTAL", f"{total_seconds:.1f}", f"{peak:.0f}", "", "", "", ""])
    return md_path, csv_path


def describe_environment(env: dict) -> str:
    if not env:
        return "환경: 알 수 없음"
    onednn = {True: "켜짐", False: "꺼짐"}.get(env.get("onednn"), "?")
    return (f"환경: {env.get('cpu', '?')}, {env.get('cores', '?')}코어, TensorFlow {env.get('tensorflow', '?')}, "
            f"Keras {env.get('keras', '?')}, oneDNN {onednn}")


def describe_seconds(seconds: float) -> str:
    """사람이 읽는 어림값: 1분 미만은 5초 단위, 그 이상은 10초 단위로 반올림."""
    if seconds < 57.5:
        return f"{max(5, round(seconds / 5) * 5)}초"
    minutes, rest = divmod(round(seconds / 10) * 10, 60)
    return f"{minutes}분 {rest}초" if rest else f"{minutes}분"


def update_runtime(path: Path, seconds: float) -> bool:
    """노트북 첫 마크다운 셀의 실행 시간 문장을 새 값으로 바꾼다. 문장이 없으면 분명한 오류."""
    try:
        check_runtime_sentence(path)
    except BenchSetupError as err:  # main 밖에서 불러도 분명한 오류로 멈춘다(종전과 같은 SystemExit)
        raise SystemExit(str(err)) from None
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    new = RUNTIME_SENTENCE.sub(lambda m: m.group(1) + describe_seconds(seconds) + m.group(3), cell.source, count=1)
    if new == cell.source:
        return False
    cell.source = new
    nbformat.write(nb, path)
    return True


def seed_argument(text: str) -> int:
    """--seed 값: MNIST_COURSE_SEED와 같은 범위(0 ~ 2**32 - 1)인지 argparse 단계에서 확인한다."""
    try:
        return parse_seed(text, "--seed")
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chapters", nargs="*", help="실행할 장의 파일 이름 앞부분 (예: 01 08). 없으면 모든 장")
    parser.add_argument("--seed", type=seed_argument, default=DEFAULT_SEED, help=f"MNIST_COURSE_SEED (기본 {DEFAULT_SEED})")
    parser.add_argument("--root", type=Path, default=Path("."), help="책의 루트 폴더 (_toc.yml이 있는 곳)")
    parser.add_argument("--out", type=Path, default=Path("_build/bench"), help="표를 쓸 폴더")
    parser.add_argument("--update-pages", action="store_true", help="잰 시간을 각 장 첫머리의 실행 시간 문장에 적는다")
    args = parser.parse_args(argv)
    try:  # 장을 하나라도 실행하기 전에 알 수 있는 잘못은 여기서 한 줄 오류로 끝낸다
        notebooks = select(toc_notebooks(args.root), args.chapters)
        check_out(args.out)
        if args.update_pages:
            for path in notebooks:
                check_runtime_sentence(path)
    except BenchSetupError as err:
        print(f"{parser.prog}: 오류(error): {err}", file=sys.stderr)
        raise SystemExit(2) from None
    os.environ[SEED_ENV] = str(args.seed)
    results = []
    start = time.perf_counter()
    for i, path in enumerate(notebooks, 1):
        print(f"[{i}/{len(notebooks)}] {path.stem} 실행 중...", flush=True)
        result = bench_notebook(path)
        results.append(result)
        print(
            f"[{i}/{len(notebooks)}] {path.stem}: {result.seconds:.0f}초, 최대 {result.peak_mib:.0f} MiB, "
            f"{format_figures(result.figures)} (누적 {time.perf_counter() - start:.0f}초)",
            flush=True,
        )
    md_path, csv_path = write_tables(results, args.out, args.seed)
    print(md_path.read_text(encoding="utf-8"))
    print(f"표를 썼습니다: {md_path}, {csv_path}")
    if args.update_pages:
        changed = [r.chapter for path, r in zip(notebooks, results, strict=True) if update_runtime(path, r.seconds)]
        print("실행 시간 문장을 고친 장:", ", ".join(changed) or "없음")


if __name__ == "__main__":
    main()
