"""기대 범위(expected range)의 근거: 여러 시드로 돌린 결과(시드 스윕)와, 거기서 범위를 정하는 규칙 하나.

관리자용(python -m tools.sweep이 쓴다). 파일 두 개가 저장소에 있다.
- book/sweep.jsonl: 스윕의 원자료. 한 줄 = 한 장을 한 시드로 실행한 결과 {"chapter", "seed", "seconds", "figures"}.
- book/ranges.csv: 수치마다 시드, 최솟값, 평균, 표준편차, 최댓값, 그리고 규칙으로 정한 범위 [lo, hi].
노트북의 check_range(이름, 값, lo, hi)는 ranges.csv의 lo, hi를 그대로 쓴다(tests/test_ranges.py가 확인).
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
from collections.abc import Iterable
from pathlib import Path

SWEEP_FILE = Path("book") / "sweep.jsonl"
RANGES_FILE = Path("book") / "ranges.csv"
COLUMNS = ["chapter", "figure", "n", "seeds", "min", "mean", "std", "max", "lo", "hi"]
WIDEN_STD = 3.0  # 평균 ± 3 표준편차
STEP = 0.001  # 정수가 아닌 수치의 범위 눈금
# 노트북의 check_range("이름", 값, lo, hi): 범위는 숫자로 적는다(공식으로 계산한 범위는 스윕과 상관없어 읽지 않는다).
CHECK_CALL = re.compile(r'check_range\(\s*"(?P<name>[^"]+)"\s*,\s*[^,]+?,\s*(?P<lo>-?[\d.]+)\s*,\s*(?P<hi>-?[\d.]+)\s*,?\s*\)')


def derive_range(values: Iterable[float]) -> tuple[float, float]:
    """범위를 정하는 유일한 규칙.

    관측한 [최솟값, 최댓값]과 [평균 - 3σ, 평균 + 3σ] 중 넓은 쪽을 잡고, 눈금에 맞춰 바깥쪽으로 반올림한다.
    모든 관측이 정수이고 그중 절댓값이 2 이상인 것이 있으면(에포크 수 같은 개수) 눈금은 1이고, 관측한 극값보다 적어도 1씩 넓힌다
    (모든 시드가 같은 값이어도 다른 시드에서 하나 다를 수 있으므로). 그 밖에는 눈금이 0.001이다. 모든 시드에서 0(또는 1)인
    값(두 계산의 차이, 변하지 않은 정확도)은 개수로 보지 않으므로 범위도 그 값 하나로 좁다.
    자연스러운 경계(natural bounds)를 넘지 않는다: 모든 관측이 0 이상이면(개수, 구조상 음수가 될 수 없는 차이, 정확도)
    아래 끝은 0 밑으로 내려가지 않고, 모든 관측이 0 이하이면 위 끝이 0을 넘지 않으며, 모든 관측이 [0, 1] 안이면(정확도 같은 비율)
    위 끝도 1을 넘지 않는다. 그래서 범위는 관측한 극값보다 좁아지는 일이 없고, 결코 나올 수 없는 값을 받아 주지도 않는다.
    """
    values = [float(v) for v in values]
    if not values:
        raise ValueError("derive_range: 관측값이 하나도 없습니다.")
    mean = statistics.fmean(values)
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    counts = all(v.is_integer() for v in values) and max(abs(v) for v in values) >= 2
    margin = 1.0 if counts else 0.0
    low = min(min(values) - margin, mean - WIDEN_STD * std)
    high = max(max(values) + margin, mean + WIDEN_STD * std)
    step = 1.0 if counts else STEP
    lo, hi = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
    if min(values) >= 0.0:
        lo = max(lo, 0.0)
    if max(values) <= 0.0:
        hi = min(hi, 0.0)
    if all(0.0 <= v <= 1.0 for v in values):
        hi = min(hi, 1.0)
    digits = 0 if step == 1.0 else 3
    return round(lo, digits), round(hi, digits)


def read_sweep(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def append_sweep(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")


def summarize(records: list[dict]) -> list[dict]:
    """스윕 원자료에서 (장, 수치)마다 통계와 범위. 같은 (장, 시드)가 여러 번 있으면 마지막 것을 쓴다."""
    latest = {(r["chapter"], r["seed"]): r for r in records}
    values: dict[tuple[str, str], dict[int, float]] = {}
    for (chapter, seed), record in sorted(latest.items()):
        for fig in record["figures"]:
            values.setdefault((chapter, fig["name"]), {})[seed] = fig["value"]
    rows = []
    for (chapter, figure), by_seed in values.items():
        data = list(by_seed.values())
        lo, hi = derive_range(data)
        rows.append(
            {
                "chapter": chapter,
                "figure": figure,
                "n": len(data),
                "seeds": " ".join(str(s) for s in sorted(by_seed)),
                "min": min(data),
                "mean": round(statistics.fmean(data), 6),
                "std": round(statistics.stdev(data), 6) if len(data) > 1 else 0.0,
                "max": max(data),
                "lo": lo,
                "hi": hi,
            }
        )
    return rows


def write_ranges(rows: list[dict], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def read_ranges(path: Path) -> dict[tuple[str, str], dict]:
    with path.open(encoding="utf-8") as f:
        return {(row["chapter"], row["figure"]): row for row in csv.DictReader(f)}


def ranges_table(rows: list[dict]) -> str:
    """부록(book/appendix.md)의 "모든 기대 범위"에 넣는 표."""
    lines = ["| 장 | 수치 | 시드 수 | 최솟값 | 평균 | 최댓값 | 범위 |", "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        stats = f"{r['min']:.4g} | {r['mean']:.4g} | {r['max']:.4g}"
        lines.append(f"| {r['chapter'][:2]} | {r['figure']} | {r['n']} | {stats} | [{r['lo']:g}, {r['hi']:g}] |")
    return "\n".join(lines) + "\n"
