"""노트북의 핵심 수치가 기대 범위 안에 있는지 확인한다."""

from __future__ import annotations

import math
import numbers

import numpy as np


class RangeCheckError(AssertionError):
    """값이 기대 범위를 벗어났을 때 나는 오류."""


def check_range(name: str, value: float, lo: float, hi: float) -> None:
    """value가 [lo, hi] 안에 있으면 값과 무관한 한 줄을 출력하고, 벗어나면 RangeCheckError를 낸다.

    출력 줄에 값 자체를 넣지 않으므로, 시드(seed)가 바뀌어도 nbval 비교가 흔들리지 않는다.
    value, lo, hi는 숫자 하나여야 한다(파이썬·NumPy 숫자, 0차원 배열, 원소 하나짜리 배열). 문자열, bool,
    리스트, 여러 원소 배열은 TypeError다.
    """
    lo, hi = _bound(name, "lo", lo), _bound(name, "hi", hi)
    if not lo <= hi:
        raise ValueError(f"check_range({name!r}): 범위가 거꾸로입니다: lo={lo} > hi={hi}. lo ≤ hi가 되게 고치세요.")
    number = _as_number(name, "value", value)
    if math.isnan(number):
        raise RangeCheckError(
            f"{name} = nan: 숫자가 아닙니다(NaN). 기대 범위(expected range) [{lo}, {hi}]를 벗어났습니다. "
            "학습이 발산했거나(diverged) 계산이 잘못되었는지 확인하세요."
        )
    if not lo <= number <= hi:
        raise RangeCheckError(
            f"{name} = {_show(number, lo, hi)}: 기대 범위(expected range) [{lo}, {hi}]를 벗어났습니다. "
            "학습 설정이나 데이터가 바뀌었는지 확인하세요."
        )
    print(f"확인 통과(check passed): {name} 값이 기대 범위 [{lo}, {hi}] 안에 있습니다.")


def _as_number(name: str, what: str, value: object) -> float:
    """숫자 하나를 float로. 파이썬·NumPy 숫자와 원소 하나짜리 배열(텐서 포함)은 받고, 나머지는 분명한 TypeError."""
    wrong = f"check_range({name!r}): {what}={value!r:.80}"
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{wrong}: bool(True/False)이 아니라 숫자(number)여야 합니다.")
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{wrong}: 문자열(str)이 아니라 숫자(number)여야 합니다. 예: float(값)")
    if isinstance(value, (list, tuple, dict, set)):
        raise TypeError(f"{wrong}: {type(value).__name__}가 아니라 숫자 하나(a single number)여야 합니다. 예: 값[-1]")
    try:
        array = np.asarray(value)
    except Exception:  # 배열로 바꿀 수 없는 임의의 객체
        array = np.asarray(None)
    if array.dtype.kind not in "iuf":
        raise TypeError(f"{wrong}: 숫자(number)여야 합니다. 받은 것은 {type(value).__name__}(dtype {array.dtype})입니다.")
    if array.size != 1:
        raise TypeError(f"{wrong}: 숫자 하나(a single number)여야 하는데 shape {array.shape}인 배열입니다. 예: 값[-1] 또는 값.mean()")
    return float(array.reshape(()))


def _bound(name: str, what: str, value: object) -> float:
    """범위의 끝: 숫자이고 NaN이 아니어야 한다. 정수는 정수로 둔다(출력과 기록에 2가 2.0으로 바뀌지 않게)."""
    number = _as_number(name, what, value)
    if math.isnan(number):
        raise ValueError(f"check_range({name!r}): {what}가 NaN입니다. 범위의 끝은 숫자여야 합니다.")
    return int(value) if isinstance(value, numbers.Integral) else number


def _show(number: float, lo: float, hi: float) -> str:
    """벗어난 값을 범위 끝과 구별되는 만큼의 유효 숫자로 쓴다(0.98996이 0.9900처럼 보여 범위 안인 듯 보이지 않게)."""
    for digits in range(4, 18):
        text = f"{number:.{digits}g}"
        if not lo <= float(text) <= hi:
            return text
    return repr(number)
