"""mnist_course.checks.check_range."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mnist_course.checks import RESULTS_ENV, RangeCheckError, check_range


def test_inside_prints_one_stable_line(capsys: pytest.CaptureFixture[str]) -> None:
    check_range("테스트 정확도", 0.5, 0.4, 0.6)
    first = capsys.readouterr().out
    check_range("테스트 정확도", 0.41, 0.4, 0.6)
    assert capsys.readouterr().out == first  # 값이 달라도 같은 줄
    assert first.count("\n") == 1
    assert "[0.4, 0.6]" in first


def test_bounds_are_inclusive(capsys: pytest.CaptureFixture[str]) -> None:
    check_range("x", 0.4, 0.4, 0.6)
    check_range("x", 0.6, 0.4, 0.6)


@pytest.mark.parametrize("value", [0.39, 0.61, float("nan")])
def test_outside_raises(value: float) -> None:
    with pytest.raises(RangeCheckError, match=r"테스트 정확도 = .*기대 범위\(expected range\) \[0.4, 0.6\]를 벗어났습니다"):
        check_range("테스트 정확도", value, 0.4, 0.6)


def test_reversed_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="범위가 거꾸로"):
        check_range("x", 0.5, 0.6, 0.4)


def test_records_checked_values_for_the_benchmark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv(RESULTS_ENV, str(results))
    check_range("정확도", 0.97, 0.96, 0.98)
    check_range("에포크 수", 4, 2, 9)
    with pytest.raises(RangeCheckError):
        check_range("망가진 값", 0.1, 0.96, 0.98)  # 벗어난 값은 기록하지 않는다
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"name": "정확도", "value": 0.97, "lo": 0.96, "hi": 0.98}, {"name": "에포크 수", "value": 4.0, "lo": 2, "hi": 9}]
