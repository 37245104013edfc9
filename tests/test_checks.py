"""mnist_course.checks.check_range."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_course.checks import RangeCheckError, check_range


def test_inside_prints_one_stable_line(capsys: pytest.CaptureFixture[str]) -> None:
    check_range("테스트 정확도", 0.5, 0.4, 0.6)
    first = capsys.readouterr().out
    check_range("테스트 정확도", 0.41, 0.4, 0.6)
    assert capsys.readouterr().out == first  # 값이 달라도 같은 줄
    assert first.count("\n") == 1
    assert "[0.4, 0.6]" in first


@pytest.mark.parametrize("value", [0.39, 0.61])
def test_outside_raises(value: float) -> None:
    with pytest.raises(RangeCheckError, match=r"테스트 정확도 = .*기대 범위\(expected range\) \[0.4, 0.6\]를 벗어났습니다"):
        check_range("테스트 정확도", value, 0.4, 0.6)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("0.5", r"문자열\(str\)이 아니라 숫자"),
        (b"0.5", r"문자열\(str\)이 아니라 숫자"),
        (True, r"bool\(True/False\)이 아니라 숫자"),
        (np.bool_(False), r"bool\(True/False\)이 아니라 숫자"),
        ([0.5, 0.6], r"list가 아니라 숫자 하나"),
        ((0.5,), r"tuple가 아니라 숫자 하나"),
        (np.array([0.5, 0.5, 0.5]), r"shape \(3,\)인 배열"),
        (np.array([]), r"shape \(0,\)인 배열"),
        (None, r"숫자\(number\)여야 합니다. 받은 것은 NoneType"),
        (np.array(["0.5"]), r"숫자\(number\)여야 합니다. 받은 것은 ndarray\(dtype <U3\)"),
        (0.5 + 0j, r"숫자\(number\)여야"),
    ],
)
def test_value_must_be_one_number(value: object, why: str) -> None:
    with pytest.raises(TypeError, match=rf"check_range\('x'\): value=.*{why}"):
        check_range("x", value, 0, 1)


@pytest.mark.parametrize("value", [np.float32(0.5), np.float64(0.5), np.int64(1), np.array(0.5), np.array([0.5]), np.array([[1]]), 0, 1])
def test_numpy_numbers_and_single_element_arrays_are_fine(value: object, capsys: pytest.CaptureFixture[str]) -> None:
    check_range("x", value, 0, 1)
    assert "확인 통과" in capsys.readouterr().out


def test_nan_says_so() -> None:
    with pytest.raises(RangeCheckError, match=r"x = nan: 숫자가 아닙니다\(NaN\).*발산"):
        check_range("x", np.float32("nan"), 0, 1)


@pytest.mark.parametrize(
    ("lo", "hi", "error", "why"),
    [
        ("0", 1, TypeError, r"lo='0': 문자열"),
        (0, None, TypeError, r"hi=None: 숫자"),
        (float("nan"), 1, ValueError, r"lo가 NaN"),
        (0, True, TypeError, r"hi=True: bool"),
        (1, 0, ValueError, r"범위가 거꾸로입니다: lo=1 > hi=0"),
    ],
)
def test_bad_bounds(lo: object, hi: object, error: type[Exception], why: str) -> None:
    with pytest.raises(error, match=why):
        check_range("x", 0.5, lo, hi)


@pytest.mark.parametrize(("value", "shown"), [(0.98996, "0.98996"), (1.0000001, "1.0000001"), (0.5, "0.5"), (float("inf"), "inf")])
def test_outside_shows_enough_digits(value: float, shown: str) -> None:
    """0.98996을 0.9900으로 쓰면 범위 [0.99, 1] 안처럼 보인다: 끝과 구별될 만큼 유효 숫자를 늘린다."""
    with pytest.raises(RangeCheckError, match=rf"x = {shown}: 기대 범위"):
        check_range("x", value, 0.99, 1)
