"""시드 스윕: 장을 여러 시드로 실행해 기대 범위(expected range)를 정한다. 두 길이 같은 파일을 쓴다.

이 컴퓨터에서(한 대로, 차례로):
    python -m tools.sweep run --chapters 05 09 --seeds 1-10

GitHub Actions에서(여러 러너로 나눠, .github/workflows/sweep.yml):
    python -m tools.sweep plan --chapters 05 09 --seeds 1-10 --chunk 5   # 행렬(matrix): 장 × 시드 묶음
    python -m tools.sweep run --chapters 05 --seeds 1-5 --sweep-file piece.jsonl   # 러너 하나의 몫
    python -m tools.sweep merge pieces/*.jsonl                           # 조각을 book/sweep.jsonl에 합치고 범위를 새로 쓴다

어느 길이든 끝에는 book/sweep.jsonl(원자료), book/ranges.csv(범위), --out의 ranges.md(부록에 옮길 표)가 같은 규칙
(tools/ranges.py의 derive_range)으로 나온다. 새 범위를 노트북의 check_range와 부록에 옮기는 것은
    python -m tools.sweep apply
이고, 옮긴 뒤에는 바뀐 장을 다시 실행해 저장한다(python -m tools.execute).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from mnist_course.environment import SEED_ENV
from tools import ranges
from tools.apply_ranges import apply_ranges, book_rows
from tools.bench import BenchSetupError, bench_notebook, format_figures, seed_argument, select, toc_notebooks


class SweepError(ValueError):
    """조각이 서로 어긋나거나(같은 장·시드에 다른 결과) 파일을 읽을 수 없다. main은 한 줄 오류와 종료 코드 2로 끝낸다."""


def seeds_argument(text: str) -> list[int]:
    """--seeds 값: "1-20", "1,2,7" 또는 둘을 섞은 "1-5,42"."""
    seeds: list[int] = []
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        try:
            a, b = seed_argument(first), seed_argument(last or first)
        except argparse.ArgumentTypeError:
            raise argparse.ArgumentTypeError(f"--seeds {text}: '1-20'이나 '1,2,7'처럼 0 이상의 정수와 범위를 적으세요.") from None
        if b < a:
            raise argparse.ArgumentTypeError(f"--seeds {text}: 범위 {part}가 거꾸로입니다.")
        seeds += [s for s in range(a, b + 1) if s not in seeds]
    if not seeds:
        raise argparse.ArgumentTypeError(f"--seeds {text}: 시드가 하나도 없습니다.")
    return seeds


def seeds_text(seeds: list[int]) -> str:
    """seeds_argument의 반대: [1, 2, 3, 7] → "1-3,7"."""
    parts, start = [], None
    for i, seed in enumerate(seeds):
        start = seed if start is None else start
        if i + 1 == len(seeds) or seeds[i + 1] != seed + 1:
            parts.append(str(seed) if start == seed else f"{start}-{seed}")
            start = None
    return ",".join(parts)


def plan(notebooks: list[Path], seeds: list[int], chunk: int) -> list[dict]:
    """GitHub Actions 행렬: 장마다 시드를 chunk개씩 나눈 묶음. 예: {"chapter": "05", "seeds": "1-5"}."""
    if chunk < 1:
        raise SweepError(f"--chunk {chunk}: 1 이상이어야 합니다.")
    return [
        {"chapter": path.stem[:2], "seeds": seeds_text(seeds[i : i + chunk])}
        for path in notebooks
        for i in range(0, len(seeds), chunk)
    ]


def run(notebooks: list[Path], seeds: list[int], sweep_file: Path) -> None:
    """장마다 시드마다 새 커널에서 한 번씩 실행해 sweep_file에 한 줄씩 더한다. 이미 있는 (장, 시드)는 건너뛴다(이어서 하기)."""
    done = {(r["chapter"], r["seed"]) for r in ranges.read_sweep(sweep_file)}
    todo = [(seed, path) for path in notebooks for seed in seeds if (path.stem, seed) not in done]
    print(f"스윕: 장 {len(notebooks)}개 × 시드 {len(seeds)}개 중 {len(todo)}번 남음 ({sweep_file})", flush=True)
    start = time.perf_counter()
    for i, (seed, path) in enumerate(todo, 1):
        os.environ[SEED_ENV] = str(seed)
        result = bench_notebook(path, progress=False)
        record = {"chapter": path.stem, "seed": seed, "seconds": round(result.seconds, 1), "figures": result.figures}
        if result.fit:  # 9장: 학습(fit) 시간도 남긴다(부록의 시드 표)
            record["fit_seconds"] = round(result.fit["seconds"], 1)
            if "total_seconds" in result.fit:
                record["fit_total_seconds"] = round(result.fit["total_seconds"], 1)
        ranges.append_sweep(sweep_file, record)
        print(f"[{i}/{len(todo)}] {path.stem} 시드 {seed}: {result.seconds:.0f}초, {format_figures(result.figures)} "
              f"(누적 {time.perf_counter() - start:.0f}초)", flush=True)


def merge(sweep_file: Path, pieces: list[Path]) -> int:
    """조각들의 기록을 sweep_file에 합친다: 조각에 있는 (장, 시드)의 옛 기록은 빼고 조각의 것을 넣는다.

    두 조각이 같은 (장, 시드)에 서로 다른 수치를 가져오면 SweepError(어느 쪽이 맞는지 모르므로). 합친 기록 수를 돌려준다.
    """
    new: dict[tuple[str, int], dict] = {}
    for piece in pieces:
        if not piece.is_file():
            raise SweepError(f"{piece}: 파일이 없습니다(file not found).")
        try:
            records = ranges.read_sweep(piece)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise SweepError(f"{piece}: 스윕 조각(JSON Lines)으로 읽을 수 없습니다: {err}") from None
        for record in records:
            key = (record["chapter"], record["seed"])
            if key in new and new[key]["figures"] != record["figures"]:
                raise SweepError(f"{piece}: {key[0]} 시드 {key[1]}의 기록이 다른 조각과 다릅니다. 한 조각만 남기세요.")
            new[key] = record
    kept = [r for r in ranges.read_sweep(sweep_file) if (r["chapter"], r["seed"]) not in new]
    sweep_file.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in kept + [new[key] for key in sorted(new)]]
    sweep_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(new)


def write_ranges(root: Path, out: Path) -> str:
    """목차에 있는 장의 기록으로 book/ranges.csv와 out/ranges.md(부록의 표)를 새로 쓰고 그 표를 돌려준다."""
    rows = book_rows(root)
    ranges.write_ranges(rows, root / ranges.RANGES_FILE)
    out.mkdir(parents=True, exist_ok=True)
    table = ranges.ranges_table(rows)
    (out / "ranges.md").write_text(table, encoding="utf-8")
    return table


def build_parser() -> argparse.ArgumentParser:
    """명령줄: run, plan, merge, apply. 워크플로(.github/workflows/sweep.yml)의 명령도 이것으로 읽어 확인한다(tests/test_workflow.py)."""
    parser = argparse.ArgumentParser(prog="python -m tools.sweep", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path("."), help="책의 루트 폴더 (_toc.yml이 있는 곳)")
    parser.add_argument("--out", type=Path, default=Path("_build/bench"), help="ranges.md를 쓸 폴더")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("run", "plan"):
        command = commands.add_parser(name)
        command.add_argument("--chapters", nargs="*", help="장의 파일 이름 앞부분 (예: 05 09). 없으면 모든 장")
        command.add_argument("--seeds", type=seeds_argument, required=True, help="예: 1-20, 1-5,42")
    commands.choices["run"].add_argument("--sweep-file", type=Path, help="기록을 더할 파일 (기본 book/sweep.jsonl: 범위도 새로 쓴다)")
    commands.choices["plan"].add_argument("--chunk", type=int, default=5, help="러너 하나가 맡을 시드 수 (기본 5)")
    commands.add_parser("merge").add_argument("pieces", nargs="+", type=Path, help="러너들이 쓴 조각(.jsonl)")
    commands.add_parser("apply")
    return parser


def main(argv: list[str] | None = None) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        notebooks = select(toc_notebooks(args.root), getattr(args, "chapters", None))
        if args.command == "plan":
            print(json.dumps(plan(notebooks, args.seeds, args.chunk)))
            return
        if args.command == "run":
            run(notebooks, args.seeds, args.sweep_file or args.root / ranges.SWEEP_FILE)
            if args.sweep_file is not None:
                return
        elif args.command == "merge":
            print(f"조각 {len(args.pieces)}개에서 기록 {merge(args.root / ranges.SWEEP_FILE, args.pieces)}개를 합쳤습니다.")
        elif args.command == "apply":
            changed = apply_ranges(args.root)
            print("범위를 옮긴 파일:", ", ".join(changed) or "없음(이미 같음)")
            return
    except (BenchSetupError, SweepError) as err:
        print(f"{parser.prog}: 오류(error): {err}", file=sys.stderr)
        raise SystemExit(2) from None
    print(write_ranges(args.root, args.out))
    print(f"범위를 썼습니다: {args.root / ranges.RANGES_FILE}, {args.out / 'ranges.md'}")


if __name__ == "__main__":
    main()
