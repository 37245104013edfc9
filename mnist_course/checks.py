"""노트북의 핵심 수치가 기대 범위 안에 있는지 확인한다."""

from __future__ import annotations

import json
import math
import os

# 벤치마크(python -m mnist_course.bench)가 이 환경 변수로 파일을 주면, 확인한 값을 한 줄씩 기록한다.
RESULTS_ENV = "MNIST_COURSE_RESULTS"


class RangeCheckError(AssertionError):
    """값이 기대 범위를 벗어났을 때 나는 오류."""


def check_range(name: str, value: float, lo: float, hi: float) -> None:
    """value가 [lo, hi] 안에 있으면 값과 무관한 한 줄을 출력하고, 벗어나면 RangeCheckError를 낸다.

    출력 줄에 값 자체를 넣지 않으므로, 시드(seed)가 바뀌어도 nbval 비교가 흔들리지 않는다.
    """
    if not lo <= hi:
        raise ValueError(f"check_range({name!r}): 범위가 거꾸로입니다: lo={lo} > hi={hi}.")
    number = float(value)
    if math.isnan(number) or not lo <= number <= hi:
        raise RangeCheckError(
            f"{name} = {number:.4f}: 기대 범위(expected range) [{lo}, {hi}]를 벗어났습니다. 학습 설정이나 데이터가 바뀌었는지 확인하세요."
        )
    results = os.environ.get(RESULTS_ENV)
    if results:
        with open(results, "a", encoding="utf-8") as f:
            f.write(json.dumps({"name": name, "value": number, "lo": lo, "hi": hi}, ensure_ascii=False) + "\n")
    print(f"확인 통과(check passed): {name} 값이 기대 범위 [{lo}, {hi}] 안에 있습니다.")
