"""기대 범위: 규칙(tools.ranges.derive_range)이 말한 대로 동작하고, 노트북의 모든 check_range 범위가
기록된 시드 스윕(book/sweep.jsonl → book/ranges.csv)에서 그 규칙으로 나온 값과 같은지."""

from __future__ import annotations

import re

import pytest

from tests.book_files import ROOT, toc_notebooks
from tools import ranges
from tools.apply_ranges import book_rows

MIN_SEEDS = 10
CHECK = ranges.CHECK_CALL

# 범위를 공식으로 계산한 값(변수)으로 주는 확인(3장의 이터레이션 수)은 스윕과 상관없다.
FORMULA = re.compile(r'check_range\(\s*"[^"]+"\s*,[^\n]*,\s*[A-Za-z_]\w*\s*,\s*[A-Za-z_]\w*\s*\)')


def checks_in_notebooks() -> list[tuple[str, str, float, float]]:
    import nbformat

    found = []
    for path in toc_notebooks():
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                matches = [(path.stem, m["name"], float(m["lo"]), float(m["hi"])) for m in CHECK.finditer(cell.source)]
                calls = len(re.findall(r"^\s*check_range\(", cell.source, flags=re.MULTILINE)) - len(FORMULA.findall(cell.source))
                assert len(matches) == calls, f"{path.stem}: 읽지 못한 check_range 호출(범위는 숫자로):\n{cell.source}"
                found += matches
    return found


def test_rule_never_narrower_than_the_observed_extremes() -> None:
    values = [0.9941, 0.9950, 0.9947, 0.9955, 0.9944]
    lo, hi = ranges.derive_range(values)
    assert lo <= min(values) and hi >= max(values)
    assert (lo, hi) == (0.993, 0.997)  # 평균 0.99474 ± 3 × 0.00055, 0.001 눈금으로 바깥쪽
    assert ranges.derive_range([4, 4, 5, 4, 6]) == (1, 8)  # 정수 수치는 정수 눈금(평균 4.6 ± 3 × 0.89)
    assert ranges.derive_range([4] * 10) == (3, 5)  # 모든 시드가 같아도 개수는 1씩 넓힌다
    assert ranges.derive_range([0.998, 0.999, 1.0]) == (0.996, 1.0)  # 비율은 1을 넘지 않는다
    assert ranges.derive_range([0.0] * 10) == (0.0, 0.0)  # 늘 0인 차이는 개수가 아니다: 범위도 0 하나
    assert ranges.derive_range([0, 1, 2, 0]) == (0, 4)  # 2 이상이 섞이면 개수(평균 0.75 ± 3 × 0.96, 1씩 넓힘), 0 밑으로는 안 감
    assert ranges.derive_range([-1, 1, 2, 0]) == (-4, 5)  # 음수가 관측된 차이는 음수 쪽으로도 넓힌다
    assert ranges.derive_range([-0.0003, -0.0002, -0.0001]) == (-0.001, 0.0)  # 늘 음수인 변화는 0을 넘지 않는다


def test_rule_respects_natural_bounds_on_every_recorded_figure() -> None:
    """기록된 모든 수치에서: 관측이 모두 0 이상이면 아래 끝도 0 이상, [0, 1] 안이면 범위도 [0, 1] 안."""
    for row in ranges.summarize(ranges.read_sweep(ROOT / ranges.SWEEP_FILE)):
        name = f"{row['chapter']}: {row['figure']}"
        if row["min"] >= 0:
            assert row["lo"] >= 0, f"{name}: 음수가 나온 적 없는 수치의 아래 끝이 {row['lo']}입니다"
        if row["max"] <= 0:
            assert row["hi"] <= 0, f"{name}: 양수가 나온 적 없는 수치의 위 끝이 {row['hi']}입니다"
        if 0 <= row["min"] and row["max"] <= 1:
            assert row["hi"] <= 1, f"{name}: 비율의 위 끝이 {row['hi']}입니다"
    with pytest.raises(ValueError, match="관측값이 하나도"):
        ranges.derive_range([])


def test_summary_uses_the_last_run_of_each_seed() -> None:
    records = [
        {"chapter": "08_x", "seed": 1, "figures": [{"name": "정확도", "value": 0.5}]},
        {"chapter": "08_x", "seed": 1, "figures": [{"name": "정확도", "value": 0.9}]},
        {"chapter": "08_x", "seed": 2, "figures": [{"name": "정확도", "value": 0.8}]},
    ]
    (row,) = ranges.summarize(records)
    assert (row["n"], row["seeds"], row["min"], row["max"]) == (2, "1 2", 0.8, 0.9)


def test_every_notebook_range_comes_from_the_recorded_sweep() -> None:
    table = ranges.read_ranges(ROOT / ranges.RANGES_FILE)
    sweep = ranges.summarize(ranges.read_sweep(ROOT / ranges.SWEEP_FILE))
    derived = {(r["chapter"], r["figure"]): (r["lo"], r["hi"], r["n"]) for r in sweep}
    checks = checks_in_notebooks()
    assert checks, "노트북에서 check_range를 하나도 찾지 못했습니다"
    for chapter, name, lo, hi in checks:
        key = (chapter, name)
        hint = f"python -m tools.sweep run --chapters {chapter[:2]} --seeds 1-{MIN_SEEDS}"
        assert key in derived, f"{chapter}: '{name}'의 시드 스윕 기록이 없습니다. {hint}"
        want_lo, want_hi, n = derived[key]
        assert n >= MIN_SEEDS, f"{chapter}: '{name}'은 시드 {n}개뿐입니다(최소 {MIN_SEEDS})"
        assert (lo, hi) == (want_lo, want_hi), f"{chapter}: '{name}'의 범위 [{lo}, {hi}]가 스윕에서 나온 [{want_lo}, {want_hi}]와 다릅니다"
        row = table[key]
        assert (float(row["lo"]), float(row["hi"])) == (want_lo, want_hi), "book/ranges.csv가 book/sweep.jsonl과 맞지 않습니다"


def test_appendix_lists_every_range() -> None:
    """부록의 "모든 기대 범위" 표는 book/ranges.csv(스윕에서 규칙으로 나온 값)와 같다."""
    appendix = (ROOT / "book" / "appendix.md").read_text(encoding="utf-8")
    table = appendix.split("## 모든 기대 범위", 1)[1]
    assert ranges.ranges_table(book_rows(ROOT)).strip() in table, "부록의 범위 표가 book/ranges.csv와 다릅니다: python -m tools.sweep apply"
