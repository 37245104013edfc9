"""mnist_course.checks.check_range."""

from __future__ import annotations

import pytest

from mnist_course.checks import RangeCheckError, check_range


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
