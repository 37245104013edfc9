"""확인 문제 채점기: 장마다 끝에 있는 "확인 문제" 가운데 답이 숫자인 문제를 노트북 셀에서 채점한다.

answer("2-1", 값1, 값2)처럼 문제 번호("장-번호")와 계산한 답을 넣으면, 답 한 칸마다 한 줄씩 판정을 출력하고
요약 한 줄로 끝낸다(돌려주는 값은 없다). 틀린 칸에는 흔한 실수면 그 실수를, 아니면 정답이 더 큰지 작은지와 다시 계산할 것을
알려 준다. 정답 값은 출력하지 않는다(정답과 풀이는 확인 문제의 "정답 보기"에 있다).

이 모듈은 TensorFlow도 numpy도 불러오지 않는다. numpy 배열·스칼라는 tolist()로 파이썬 값으로 바꿔 받는다.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- 문제 목록


@dataclass(frozen=True)
class Part:
    """답 한 칸: 무엇을 넣는지, 기댓값, 허용 오차, 흔한 실수(틀린 값 → 힌트)."""

    label: str  # 무엇을 넣는지(짧게)
    expected: Any  # 숫자 하나, 숫자 튜플(목록), 튜플의 튜플(행렬)
    how: str  # 흔한 실수가 아닐 때 보여 줄 방향: 무엇을 다시 계산할지
    mistakes: Mapping[Any, str] = field(default_factory=dict)
    rel_tol: float = 0.0  # 상대 허용 오차(정수 답은 0: 정확히 같아야 한다)
    abs_tol: float = 0.0  # 절대 허용 오차
    fixed_length: bool = True  # False면 길이가 다른 목록도 오답으로 채점한다(오류를 내지 않는다)


@dataclass(frozen=True)
class Question:
    """확인 문제 하나: 번호("장-번호")와 답 칸들."""

    question_id: str
    parts: tuple[Part, ...]

    @property
    def prompt(self) -> str:
        """넣을 것의 짧은 설명, 예: "1 에포크의 이터레이션 수, 마지막 묶음의 데이터 수"."""
        return ", ".join(part.label for part in self.parts)


# 여러 문제에 되풀이되는 힌트
_CEIL = "나머지 데이터도 한 번의 이터레이션이 됩니다. 나누어떨어지지 않으면 내림이 아니라 올림(ceil)하세요."
_WHOLE = "이터레이션 수는 정수입니다. 나눗셈 결과를 그대로 쓰지 말고 올림(ceil)하세요."
_BIAS = "편향(bias)을 빼먹었습니다. 뉴런(필터)마다 편향이 1개씩 더 있습니다."
_PERCENT = "백분율(%)이 아니라 0과 1 사이의 값으로 넣으세요."
_LEFTOVER = "꽉 찬 묶음들이 쓰고 남은 데이터 수(나눗셈의 나머지)를 구하세요."
_DENSE_HOW = "층마다 입력 수 × 뉴런 수(가중치)에 뉴런 수(편향)를 더하고, 두 층을 합하세요."
_UPDATES_HOW = "이터레이션 한 번에 가중치를 한 번 고칩니다. 1 에포크의 이터레이션 수(올림한 값)에 에포크 수를 곱하세요."
_DATA_TIMES_EPOCHS = "데이터 수 × 에포크 수는 본 데이터의 수입니다. 가중치는 묶음(이터레이션)마다 한 번 고칩니다."
_CONV_PARAMS = {
    4608: _BIAS,
    4624: "편향은 입력 채널 수(16)가 아니라 필터 수(32)만큼 있습니다.",
    320: "필터 하나가 입력 채널 16장 전체에 걸쳐 있다는 것을 빼먹었습니다(3 × 3 × 16개의 가중치).",
    288: "필터가 입력 채널 16장 전체에 걸쳐 있다는 것과 편향(bias)을 모두 빼먹었습니다.",
}


def _dense_mistakes(units: int, other_model: int, other_name: str) -> dict[int, str]:
    """Flatten(784) → Dense(units) → Dense(10) 모델의 파라미터 수에서 흔한 실수들."""
    hidden_params = 784 * units + units
    output_params = units * 10 + 10
    return {
        784 * units + units * 10: _BIAS,
        hidden_params: "은닉층만 셌습니다. 출력층 Dense(10)의 파라미터도 더하세요.",
        output_params: "출력층만 셌습니다. 은닉층의 파라미터도 더하세요.",
        hidden_params + output_params - 10: "출력층의 편향(bias) 10개를 빼먹었습니다.",
        hidden_params + output_params - units: f"은닉층의 편향(bias) {units}개를 빼먹었습니다.",
        other_model: f"그건 {other_name}의 파라미터 수입니다. 은닉 뉴런 수를 바꿔 다시 세세요.",
    }


_QUESTIONS = [
    # ---------------------------------------------------------------- 1장
    Question(
        "1-1",
        (
            Part(
                'padding="valid"일 때 출력의 한 변(칸)',
                24,
                "패딩이 없으면 출력 한 변 = 입력 한 변 − 필터 한 변 + 1 (스트라이드 1)입니다.",
                {
                    23: "+ 1을 빼먹었습니다. 필터를 놓을 수 있는 자리는 (입력 − 필터)보다 하나 많습니다.",
                    22: "− 1이 아니라 + 1입니다. 필터를 놓을 수 있는 자리를 하나씩 세어 보세요.",
                    28: 'valid는 0을 덧대지 않아 출력이 줄어듭니다. 크기가 그대로인 것은 "same"입니다.',
                    14: "풀링(2×2)과 헷갈렸습니다. 5×5 합성곱만 하면 한 변이 몇 칸 줄어드는지 구하세요.",
                },
            ),
            Part(
                'padding="same"일 때 출력의 한 변(칸)',
                28,
                '"same"은 스트라이드 1에서 출력 크기를 어떻게 맞추는지 떠올려 보세요.',
                {
                    24: 'valid(패딩 없음)의 크기입니다. "same"은 가장자리에 0을 덧대 크기를 유지합니다.',
                    32: "0을 덧댄 뒤 입력의 크기입니다. 그 위에 5×5 필터를 놓은 출력의 크기를 구하세요.",
                },
            ),
        ),
    ),
    Question(
        "1-2",
        (
            Part(
                "Conv2D 층의 파라미터 수",
                4640,
                "필터 하나의 가중치(3 × 3 × 입력 채널 수)에 편향 1개를 더하고, 필터 수를 곱하세요.",
                _CONV_PARAMS,
            ),
            Part(
                "입력의 가로·세로가 두 배일 때의 파라미터 수",
                4640,
                "파라미터 수가 입력의 가로·세로에 따라 달라지는지 생각해 보세요(가중치 공유, weight sharing).",
                {
                    **_CONV_PARAMS,
                    18560: "넓이가 4배라고 파라미터도 4배가 되지 않습니다. 같은 필터를 모든 위치에서 다시 씁니다(가중치 공유).",
                    9280: "가로·세로가 두 배라고 파라미터도 두 배가 되지 않습니다. 같은 필터를 모든 위치에서 다시 씁니다(가중치 공유).",
                },
            ),
        ),
    ),
    Question(
        "1-3",
        (
            Part(
                "필터를 올린 결과(곱해서 더한 값)",
                -3,
                "필터와 조각에서 같은 자리의 값끼리 곱한 9개를 모두 더하세요. 부호도 확인하세요.",
                {
                    3: "부호를 확인하세요. 잉크가 있는 왼쪽 열의 필터 값은 −1입니다.",
                    -1: "왼쪽 열에는 잉크 칸이 세 개 있습니다. 곱한 값을 모두 더하세요.",
                },
            ),
        ),
    ),
    Question(
        "1-5",
        (
            Part(
                "2×2 최대 풀링의 결과(2×2 행렬)",
                ((3, 5), (7, 6)),
                "4×4를 겹치지 않는 2×2 칸 네 개로 나누고, 칸마다 가장 큰 값을 고르세요.",
                {
                    ((3, 7), (5, 6)): "행과 열이 뒤바뀌었습니다. 첫 행에는 위쪽 두 칸의 결과를 왼쪽부터 적으세요.",
                    ((1.5, 2), (3.75, 3)): "평균 풀링(average pooling)의 결과입니다. 최대 풀링은 칸마다 가장 큰 값을 고릅니다.",
                    ((0, 0), (0, 1)): "가장 작은 값을 골랐습니다. 최대 풀링은 칸마다 가장 큰 값을 고릅니다.",
                    ((6, 8), (15, 12)): "칸의 합을 구했습니다. 최대 풀링은 칸마다 가장 큰 값 하나만 남깁니다.",
                    ((3, 1, 5), (4, 6, 6), (7, 7, 6)): (
                        "창을 한 칸씩 겹치게 옮겼습니다(스트라이드 1). 2×2 풀링은 기본으로 창 크기만큼(strides = pool_size) 옮깁니다."
                    ),
                },
            ),
            Part(
                "풀링 층이 학습하는 파라미터 수",
                0,
                "최대 풀링이 학습으로 고칠 가중치나 편향을 가지는지 생각해 보세요.",
                {
                    4: "한 번에 보는 칸(2 × 2)의 수입니다. 풀링은 가장 큰 값 고르기라는 정해진 규칙만 따릅니다.",
                    5: "풀링에는 가중치도 편향(bias)도 없습니다. 가장 큰 값 고르기라는 정해진 규칙만 따릅니다.",
                },
            ),
        ),
    ),
    Question(
        "1-7",
        (
            Part(
                "풀링을 하나 더 붙인 뒤 특징 맵의 한 변(칸)",
                2,
                "2×2 최대 풀링이 특징 맵의 가로·세로를 어떻게 바꾸는지 떠올려 보세요.",
                {
                    4: "풀링을 붙이기 전(pool2 뒤)의 크기입니다.",
                    3: "창을 한 칸씩 겹치게 옮겼습니다. 2×2 최대 풀링은 창 크기만큼(strides = pool_size) 옮깁니다.",
                    8: "풀링은 특징 맵을 키우지 않고 줄입니다.",
                },
            ),
            Part(
                "그때 수용 영역의 한 변(픽셀)",
                20,
                "pool2 뒤에서 이웃한 두 칸이 입력에서 몇 픽셀 떨어져 있는지(지금까지의 스트라이드를 곱한 값) 구하고, 그만큼 넓히세요.",
                {
                    16: "pool2 뒤의 수용 영역 그대로입니다. 풀링을 하나 더 붙이면 이웃 칸을 묶으므로 넓어집니다.",
                    17: "이웃 칸의 간격을 1픽셀로 잡았습니다. pool1과 pool2가 간격을 각각 두 배로 벌려 놓았습니다.",
                    18: "이웃 칸의 간격을 풀링 한 번 몫으로만 잡았습니다. pool2 뒤에는 풀링 두 번으로 간격이 더 벌어져 있습니다.",
                    24: "새 풀링의 스트라이드까지 곱했습니다. 넓어지는 양은 새 풀링 앞의 간격(pool2까지의 스트라이드 곱)입니다.",
                    32: "수용 영역은 풀링마다 두 배가 되지 않습니다. 이웃 칸 하나의 간격만큼 넓어집니다.",
                },
            ),
        ),
    ),
    # ---------------------------------------------------------------- 2장
    Question(
        "2-1",
        (
            Part(
                "1 에포크의 이터레이션 수",
                196,
                "데이터 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                {195: _CEIL, 195.3125: _WHOLE, 50000: "그건 데이터 수입니다. 배치 크기로 나누세요.", 256: "그건 배치 크기입니다."},
            ),
            Part(
                "마지막 묶음의 데이터 수",
                80,
                _LEFTOVER,
                {
                    256: "그건 꽉 찬 묶음의 크기(배치 크기)입니다. 마지막 묶음에는 남은 데이터만 들어갑니다.",
                    0: "50,000은 256으로 나누어떨어지지 않습니다. 남는 데이터가 있습니다.",
                    176: "꽉 찬 묶음이 되려면 모자란 수를 구했습니다. 남은 데이터 수를 구하세요.",
                    0.3125: "몫의 소수 부분이 아니라 남은 데이터의 개수를 구하세요.",
                },
            ),
        ),
    ),
    Question(
        "2-2",
        (
            Part(
                "배치 64일 때 1 에포크의 이터레이션 수",
                782,
                "데이터 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                {781: _CEIL, 781.25: _WHOLE, 1563: "그건 배치 32일 때의 이터레이션 수입니다."},
            ),
            Part(
                "10 에포크 동안의 가중치 업데이트 횟수",
                7820,
                _UPDATES_HOW,
                {
                    7810: "내림(floor)한 이터레이션 수를 곱했습니다. " + _CEIL,
                    7812.5: "나눗셈 결과를 그대로 곱했습니다. " + _WHOLE,
                    782: "1 에포크의 횟수입니다. 10 에포크 동안의 횟수를 구하세요.",
                    15630: "그건 배치 32일 때의 횟수입니다.",
                    500000: _DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    Question(
        "2-3",
        (
            Part(
                "1 에포크의 이터레이션 수",
                469,
                "훈련 이미지 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                {
                    468: _CEIL,
                    468.75: _WHOLE,
                    391: "50,000장으로 계산했습니다. 검증 데이터를 떼지 않으므로 60,000장 모두입니다.",
                },
            ),
            Part(
                "마지막 묶음의 이미지 수",
                96,
                _LEFTOVER,
                {
                    128: "그건 꽉 찬 묶음의 크기(배치 크기)입니다. 마지막 묶음에는 남은 이미지만 들어갑니다.",
                    80: "50,000장으로 계산했습니다. 검증 데이터를 떼지 않으므로 60,000장 모두입니다.",
                    0: "60,000은 128로 나누어떨어지지 않습니다. 남는 이미지가 있습니다.",
                    32: "꽉 찬 묶음이 되려면 모자란 수를 구했습니다. 남은 이미지 수를 구하세요.",
                },
            ),
        ),
    ),
    # ---------------------------------------------------------------- 3장
    Question(
        "3-1",
        (Part("모델의 파라미터 수", 25450, _DENSE_HOW, _dense_mistakes(32, 11935, "원래 모델(Dense(15))")),),
    ),
    Question(
        "3-3",
        (
            Part(
                "정답 3의 원-핫 벡터(숫자 10개짜리 목록)",
                (0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
                "숫자 0부터 9까지 한 칸씩, 정답 숫자의 칸만 1이고 나머지는 0인 목록입니다.",
                {
                    (0, 0, 1, 0, 0, 0, 0, 0, 0, 0): "칸을 1부터 셌습니다. 첫 칸이 숫자 0의 칸입니다.",
                    (0, 0, 0, 3, 0, 0, 0, 0, 0, 0): "정답 칸에는 숫자 자체가 아니라 1을 넣습니다.",
                    (1, 1, 1, 1, 0, 0, 0, 0, 0, 0): "정답 칸 하나만 1입니다(0부터 정답까지 모두 1이 아닙니다).",
                },
            ),
        ),
    ),
    Question(
        "3-5",
        (
            Part(
                "픽셀 값 128을 스케일 조정한 값",
                0.50,
                "픽셀 값을 가장 큰 값 255로 나누세요.",
                {
                    128: "아직 나누지 않았습니다. 모든 픽셀 값을 같은 수로 나눕니다.",
                    50.2: _PERCENT,
                    1.99: "나누는 순서가 뒤집혔습니다. 픽셀 값을 255로 나누세요.",
                },
                rel_tol=0.02,
            ),
        ),
    ),
    # ---------------------------------------------------------------- 4장
    Question(
        "4-1",
        (
            Part(
                "정답 확률 0.5일 때의 손실",
                0.69,
                "손실은 −ln(정답 확률)입니다. ln은 밑이 e인 자연로그입니다.",
                {
                    -0.69: "부호가 반대입니다. 손실은 −ln(확률)이라 0보다 큽니다.",
                    0.301: "상용로그(log10)를 썼습니다. 밑이 e인 자연로그(ln)로 계산하세요.",
                    1: "밑이 2인 로그(log2)를 썼습니다. 밑이 e인 자연로그(ln)로 계산하세요.",
                    0.5: "1 − 확률이 아니라 −ln(확률)입니다.",
                },
                rel_tol=0.015,
            ),
        ),
    ),
    Question(
        "4-2",
        (Part("모델의 파라미터 수", 79510, _DENSE_HOW, _dense_mistakes(100, 39760, "뉴런 50개 모델")),),
    ),
    Question(
        "4-3",
        (
            Part(
                "시그모이드 세 층을 지난 기울기의 최대 배수",
                0.016,
                "층을 하나 지날 때마다 기울기에 활성화 함수의 기울기가 곱해집니다.",
                {
                    0.75: "더하지 말고 곱하세요. 층을 지날 때마다 기울기가 곱해집니다.",
                    0.0625: "두 층만 곱했습니다. 시그모이드 층은 세 개입니다.",
                    0.25: "한 층만 셌습니다. 시그모이드 층은 세 개입니다.",
                    64: "줄어드는 비율의 역수입니다. 원래의 몇 배로 작아지는지를 넣으세요.",
                    1.6: "백분율(%)이 아니라 배수로 넣으세요.",
                },
                rel_tol=0.03,
            ),
            Part(
                "ReLU 세 층을 지난 기울기의 최대 배수",
                1,
                "양수 입력에서 ReLU의 기울기가 얼마인지 떠올려 보세요.",
                {
                    0: "0은 음수 입력일 때의 기울기입니다. 많아야(최대) 몇 배인지 물었습니다.",
                    3: "더하지 말고 곱하세요. 층을 지날 때마다 기울기가 곱해집니다.",
                },
                rel_tol=0.01,
            ),
        ),
    ),
    Question(
        "4-4",
        (
            Part(
                "한 걸음이 커지는 최대 배수",
                2,
                "모멘텀은 지난 걸음에 momentum을 곱해 계속 더해 갑니다. 그 합(등비급수)이 어디로 다가가는지 구하세요.",
                {
                    1.5: "한 번만 더했습니다. 지난 걸음이 계속 쌓이므로 1 + 0.5 + 0.25 + …를 끝까지 더하세요.",
                    0.5: "momentum 값 그대로입니다. 모멘텀은 걸음을 키우므로 배수는 1보다 큽니다.",
                    1.11: "momentum=0.1일 때의 배수입니다. 문제의 momentum은 0.5입니다.",
                },
                rel_tol=0.01,
            ),
        ),
    ),
    Question(
        "4-6",
        (
            Part(
                "10 에포크 동안의 가중치 업데이트 횟수",
                15630,
                _UPDATES_HOW,
                {
                    15620: "내림(floor)한 이터레이션 수를 곱했습니다. " + _CEIL,
                    15625: "나눗셈 결과를 그대로 곱했습니다. " + _WHOLE,
                    1563: "1 에포크의 횟수입니다. 10 에포크 동안의 횟수를 구하세요.",
                    46890: "풀이가 학습을 세 번 한 합계입니다. 학습 한 번의 횟수를 구하세요.",
                    500000: _DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    # ---------------------------------------------------------------- 5장
    Question(
        "5-1",
        (
            Part(
                "멈추는 에포크",
                7,
                "최고 기록을 새로 세우면 횟수가 0으로 돌아가고, 최고 기록을 넘지 못한 에포크가 연속 patience번이 되면 멈춥니다.",
                {
                    4: "에포크 4는 한 번 주춤했을 뿐입니다. 다음 에포크에서 최고 기록이 새로 나와 횟수가 0으로 돌아갑니다.",
                    5: "최고 기록이 나온 에포크입니다. 멈추는 것은 그 뒤로 나아지지 않은 에포크가 patience번 쌓였을 때입니다.",
                    6: "patience=2면 나아지지 않은 에포크가 연속 2번이어야 멈춥니다. 에포크 5에서 횟수가 0으로 돌아간 것부터 다시 세세요.",
                    8: "같은 값(0.966)도, 최고 기록보다 낮은 값도 개선이 아닙니다. 최고 기록을 넘지 못한 에포크를 세세요.",
                },
            ),
            Part(
                "그때 모델에 남는 가중치의 에포크",
                7,
                "restore_best_weights의 기본값이 무엇인지 떠올려 보세요.",
                {
                    5: "restore_best_weights=True일 때의 답입니다. 기본값은 False라 되돌리지 않습니다.",
                    8: "멈춘 뒤의 에포크는 돌지 않으므로 그 가중치는 생기지 않습니다.",
                },
            ),
        ),
    ),
    Question(
        "5-3",
        (
            Part(
                "멈추는 에포크",
                17,
                "최고 기록 다음 에포크부터 나아지지 않은 에포크를 하나씩 세어, 그 수가 patience가 되는 에포크를 찾으세요.",
                {
                    12: "최고 기록이 나온 에포크입니다. 멈추는 것은 그 뒤로 나아지지 않은 에포크가 patience번 쌓였을 때입니다.",
                    16: "하나 모자랍니다. 최고 기록 다음 에포크를 1회로 세세요.",
                    18: "하나 많습니다. 연속 patience번째로 나아지지 않은 그 에포크에서 바로 멈춥니다.",
                    5: "patience 값 그대로입니다. 최고 기록 에포크에서 몇 에포크 뒤에 멈추는지 구하세요.",
                },
            ),
        ),
    ),
    Question(
        "5-4",
        (
            Part(
                "20 에포크 동안의 가중치 업데이트 횟수",
                3920,
                _UPDATES_HOW,
                {
                    3900: "내림(floor)한 이터레이션 수를 곱했습니다. " + _CEIL,
                    3906.25: "나눗셈 결과를 그대로 곱했습니다. " + _WHOLE,
                    196: "1 에포크의 횟수입니다. 20 에포크 동안의 횟수를 구하세요.",
                    15630: "4장의 배치 32, 10 에포크 값입니다. 배치 256, 20 에포크로 다시 계산하세요.",
                    1000000: _DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    # ---------------------------------------------------------------- 6장
    Question(
        "6-1",
        (Part("모델의 파라미터 수", 159010, _DENSE_HOW, _dense_mistakes(200, 39760, "뉴런 50개 모델")),),
    ),
    Question(
        "6-4",
        (
            Part(
                "살아남은 값에 곱하는 배수",
                1.25,
                "지워지지 않고 남는 비율을 구하고, 출력의 평균 크기가 그대로이려면 몇 배 해야 하는지 생각해 보세요.",
                {
                    0.8: "살아남는 비율입니다. 평균을 맞추려면 그 비율로 나누어야(역수를 곱해야) 합니다.",
                    0.2: "지우는 비율(rate)입니다. 살아남은 값을 몇 배 키우는지 구하세요.",
                    5: "지우는 비율로 나누었습니다. 살아남는 비율로 나누세요.",
                    1.2: "1 + rate가 아닙니다. 살아남는 비율로 나누어 평균을 맞춥니다.",
                    2: "Dropout(0.5)일 때의 배수입니다. 문제의 비율은 0.2입니다.",
                },
                rel_tol=0.005,
            ),
        ),
    ),
    Question(
        "6-5",
        (
            Part(
                "fit이 보여 주는 훈련 정확도(대략, 0~1)",
                0.53,
                "드롭아웃이 켜진 채로 잽니다. 답이 몰린 칸이 살아남는 경우와 지워지는 경우로 나누어 정확도를 평균하세요.",
                {
                    0.95: "드롭아웃을 끈 정확도입니다. fit은 드롭아웃이 켜진 채로 잽니다.",
                    0.475: "답이 몰린 칸이 지워진 절반도 찍기로 10분의 1쯤은 맞힙니다.",
                    0.1: "답이 몰린 칸은 절반쯤 살아남아 제대로 맞힙니다.",
                    52.5: _PERCENT,
                },
                rel_tol=0.066,
            ),
        ),
    ),
    # ---------------------------------------------------------------- 7장
    Question(
        "7-3",
        (
            Part(
                "1 에포크의 이터레이션 수",
                1875,
                "batch_size를 주지 않으면 Keras가 쓰는 기본값을 떠올려, 60,000을 그 값으로 나누세요.",
                {
                    1: "batch_size를 주지 않아도 전체를 한 묶음으로 쓰지 않습니다. Keras에는 기본 배치 크기가 있습니다.",
                    60000: "그건 데이터 수입니다. 기본 배치 크기로 나누세요.",
                    1563: "50,000장으로 계산했습니다. 이 장은 60,000장을 모두 씁니다.",
                    469: "배치 128(8장의 설정)로 계산했습니다. Keras의 기본 배치 크기로 계산하세요.",
                },
            ),
            Part(
                "4 에포크 동안의 가중치 업데이트 횟수",
                7500,
                _UPDATES_HOW,
                {
                    1875: "1 에포크의 횟수입니다. 4 에포크 동안의 횟수를 구하세요.",
                    5625: "3 에포크만 곱했습니다. 4 에포크에서 멈췄다면 4 에포크를 모두 돌았습니다.",
                    9375: "멈춘 에포크 다음은 돌지 않습니다. 4 에포크만 곱하세요.",
                    240000: _DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    Question(
        "7-4",
        (
            Part(
                "history.epoch의 내용(목록)",
                (0, 1, 2, 3),
                "epoch 인자는 0부터 세고, stop_training을 켠 에포크까지 기록됩니다.",
                {
                    (1, 2, 3, 4): "epoch는 0부터 셉니다. history.epoch에도 0부터 적힙니다.",
                    (1, 2, 3): "epoch는 0부터 셉니다. 그리고 stop_training을 켠 에포크도 끝까지 돌고 기록됩니다.",
                    (0, 1, 2): "stop_training을 켠 에포크도 끝까지 돌고 기록됩니다.",
                    (0, 1, 2, 3, 4): "stop_training을 켠 에포크 다음은 돌지 않습니다.",
                },
                fixed_length=False,
            ),
            Part(
                "학습한 에포크 수",
                4,
                "epoch 인자는 0부터 셉니다.",
                {
                    3: "epoch 인자는 0부터 셉니다. 인자 3이 몇 번째 에포크인지 세어 보세요.",
                    5: "stop_training을 켠 에포크 다음은 돌지 않습니다.",
                    10: "stop_training으로 중간에 멈췄으므로 에포크를 다 돌지 않았습니다.",
                },
            ),
        ),
    ),
    # ---------------------------------------------------------------- 8장
    Question(
        "8-1",
        (
            Part(
                "Flatten 뒤 벡터의 길이",
                1600,
                "층을 하나씩 지나며 한 변의 크기를 다시 따라가고, 마지막에 가로 × 세로 × 채널 수를 곱하세요.",
                {
                    1024: "원래 모델(첫 층도 valid)의 길이입니다. 첫 합성곱의 출력이 입력과 같은 크기가 된다는 것부터 다시 따라가세요.",
                    6400: "두 번째 풀링(pool2)을 빼먹었습니다.",
                    12544: "두 번째 합성곱(conv2)과 풀링(pool2)을 빼먹었습니다.",
                    3136: "두 번째 합성곱(conv2)은 그대로 valid입니다. 첫 층만 same으로 바꿉니다.",
                    25: "채널 수를 곱하세요. Flatten은 64개 채널을 모두 이어 붙입니다.",
                },
            ),
            Part(
                "Dense(128) 층의 파라미터 수",
                204928,
                "Dense 층은 입력 길이 × 뉴런 수의 가중치에, 뉴런마다 편향 1개를 더합니다.",
                {
                    204800: _BIAS,
                    131200: "원래 모델의 값입니다. 바뀐 Flatten 길이로 다시 계산하세요.",
                },
            ),
        ),
    ),
    Question(
        "8-2",
        (
            Part(
                "같은 출력을 내는 Dense 층의 파라미터 수",
                7234560,
                "입력 784개가 출력 24 × 24 × 16개 하나하나에 모두 이어지고, 출력마다 편향이 1개씩 있습니다.",
                {
                    7225344: _BIAS,
                    7226128: "편향은 입력이 아니라 출력(뉴런)마다 1개입니다.",
                    9216: "출력의 개수입니다. 입력 784개가 출력마다 모두 이어집니다.",
                    416: "conv1의 파라미터 수입니다. Dense 층은 가중치를 함께 쓰지 않습니다.",
                },
            ),
        ),
    ),
    Question(
        "8-3",
        (
            Part(
                "한 방향으로 옮기는 최대 픽셀 수",
                2.24,
                "비율(factor)에 이미지 한 변의 픽셀 수를 곱하세요.",
                {
                    0.08: "비율(factor) 그대로입니다. 이미지 한 변의 픽셀 수를 곱해 픽셀로 바꾸세요.",
                    8: "0.08은 8%이지 8픽셀이 아닙니다. 이미지 한 변의 픽셀 수를 곱하세요.",
                    4.48: "위아래(또는 좌우) 한쪽으로 움직이는 최대 거리를 물었습니다. 양쪽을 더하지 마세요.",
                },
                rel_tol=0.11,  # 2.24와 "약 2픽셀"을 모두 받는다
            ),
        ),
    ),
    Question(
        "8-4",
        (
            Part(
                "decay_steps(전체 이터레이션 수)",
                4690,
                _UPDATES_HOW,
                {
                    4680: "내림(floor)한 이터레이션 수를 곱했습니다. " + _CEIL,
                    4687.5: "나눗셈 결과를 그대로 곱했습니다. " + _WHOLE,
                    469: "1 에포크의 이터레이션 수입니다. 학습 전체의 이터레이션 수를 구하세요.",
                    3752: "지금 코드의 EPOCHS(8)로 계산했습니다. 문제는 10 에포크입니다.",
                    3910: "50,000장으로 계산했습니다. 8장은 훈련 이미지 60,000장을 모두 씁니다.",
                    2345: "절반 지점입니다. decay_steps는 학습 전체의 이터레이션 수입니다.",
                },
            ),
            Part(
                "절반 지점의 학습률",
                0.0015,
                "코사인 감쇠는 시작값 × 0.5 × (1 + cos(π × 진행 비율))입니다. 절반 지점의 진행 비율을 넣어 보세요.",
                {
                    0: "0은 마지막 지점의 학습률입니다.",
                    0.003: "시작 학습률 그대로입니다. 절반 지점까지 줄어듭니다.",
                    0.00212: "cos(π/4)를 곱했습니다. 식은 시작값 × 0.5 × (1 + cos(π × 진행 비율))입니다.",
                    2345: "절반 지점의 이터레이션 번호입니다. 그때의 학습률을 넣으세요.",
                },
                rel_tol=0.01,
            ),
        ),
    ),
    Question(
        "8-6",
        (
            Part(
                "정확도 0.995일 때 틀린 장수",
                50,
                "(1 − 정확도) × 테스트 이미지 수를 계산하세요.",
                {
                    9950: "맞힌 장수입니다. 틀린 장수를 구하세요.",
                    0.005: "틀린 비율입니다. 테스트 이미지 수를 곱해 장수로 바꾸세요.",
                    0.5: "틀린 비율을 백분율(%)로 구했습니다. 테스트 이미지 수를 곱해 장수로 바꾸세요.",
                    5: "테스트 이미지는 10,000장입니다. 자릿수를 확인하세요.",
                    500: "1 − 0.995를 다시 계산해 보세요(자릿수 확인).",
                },
            ),
            Part(
                "정확도 0.97일 때 틀린 장수",
                300,
                "(1 − 정확도) × 테스트 이미지 수를 계산하세요.",
                {
                    9700: "맞힌 장수입니다. 틀린 장수를 구하세요.",
                    0.03: "틀린 비율입니다. 테스트 이미지 수를 곱해 장수로 바꾸세요.",
                    3: "틀린 비율을 백분율(%)로 구했습니다. 테스트 이미지 수를 곱해 장수로 바꾸세요.",
                    30: "테스트 이미지는 10,000장입니다. 자릿수를 확인하세요.",
                },
            ),
        ),
    ),
    Question(
        "8-9",
        (
            Part(
                "두 모델이 예측하는 이미지 수",
                100000,
                "모델 수 × 한 이미지의 벌 수(원본 + 사본 네 벌) × 테스트 이미지 수를 계산하세요.",
                {
                    10000: "모델 하나가 원본만 예측한 몫입니다. 두 모델이 원본과 사본 네 벌을 모두 예측합니다.",
                    20000: "두 모델이 원본만 예측한 몫입니다. 테스트 시간 증강의 사본 네 벌도 예측합니다.",
                    50000: "모델 하나의 몫입니다. 앙상블은 두 모델이 모두 예측합니다.",
                    80000: "사본만 셌습니다. 원본도 함께 예측하므로 이미지마다 다섯 벌입니다.",
                    2: "이미지 한 장을 예측하는 모델 수입니다. 벌 수와 테스트 이미지 10,000장을 곱하세요.",
                },
            ),
            Part(
                "학습(fit) 횟수",
                2,
                "앙상블의 모델은 저마다 따로 학습합니다. 테스트 시간 증강은 학습을 다시 하지 않습니다. 모델 수를 세어 보세요.",
                {
                    1: "두 번째 모델도 따로 학습해야 합니다. 첫 번째 모델의 가중치를 그대로 쓰면 두 모델이 똑같아집니다.",
                    10: "사본마다 학습하지는 않습니다. 테스트 시간 증강은 이미 학습한 모델로 예측만 더 합니다.",
                },
            ),
        ),
    ),
]
QUESTIONS: dict[str, Question] = {q.question_id: q for q in _QUESTIONS}


def questions(chapter: int) -> list[str]:
    """그 장에서 answer()로 채점할 수 있는 문제 번호들. 예: questions(2) → ["2-1", "2-2", "2-3"]."""
    return [qid for qid in QUESTIONS if qid.split("-")[0] == str(chapter)]


# ---------------------------------------------------------------- 값 읽기와 비교


def _shape(value: Any) -> tuple[int, ...]:
    """숫자는 (), 목록은 (n,), 행렬은 (행, 열). 행마다 길이가 다르면 ValueError."""
    if not isinstance(value, (list, tuple)):
        return ()
    inner = {_shape(item) for item in value}
    if len(inner) > 1:
        raise ValueError("행(row)마다 값의 개수가 같아야 합니다.")
    return (len(value), *(inner.pop() if inner else ()))


def _shape_text(shape: tuple[int, ...]) -> str:
    if not shape:
        return "숫자 하나"
    if len(shape) == 1:
        return f"숫자 {shape[0]}개짜리 목록(list)"
    return f"{'×'.join(map(str, shape))} 행렬(matrix, 목록의 목록)"


def _read(qid: str, part: Part, raw: Any) -> Any:
    """학습자가 넣은 값을 float(또는 float 튜플)로 바꾼다. 숫자가 아니면 TypeError, 행 길이가 들쭉날쭉하면 ValueError."""
    value = _read_item(qid, part, raw)
    try:
        _shape(value)
    except ValueError as err:
        raise ValueError(f"[{qid}] {part.label}: {err} 받은 것: {_fmt(value)}") from None
    return value


def _read_item(qid: str, part: Part, raw: Any) -> Any:
    if hasattr(raw, "tolist") and not isinstance(raw, (str, bytes)):
        raw = raw.tolist()  # numpy 배열·스칼라
    if isinstance(raw, (list, tuple)):
        if not isinstance(part.expected, tuple):
            raise TypeError(
                f"[{qid}] {part.label}에는 숫자 하나를 넣으세요(목록(list)이 아니라). "
                f'답이 여러 개인 문제는 answer("{qid}", 값1, 값2)처럼 쉼표로 나누어 넣습니다.'
            )
        return tuple(_read_item(qid, part, item) for item in raw)
    if isinstance(raw, str):
        example = f"(예: {raw.strip()})" if _is_number_text(raw) else ""
        raise TypeError(f"[{qid}] {part.label}에 문자열(str)이 들어왔습니다: {raw!r}. 따옴표 없이 숫자(number)로 넣으세요{example}.")
    if isinstance(raw, bool) or not isinstance(raw, numbers.Real):
        raise TypeError(f"[{qid}] {part.label}에는 숫자(number)를 넣으세요. 받은 것: {raw!r} ({type(raw).__name__})")
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(f"[{qid}] {part.label} 값이 {value}입니다. 계산한 숫자를 넣으세요.")
    return value


def _is_number_text(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _flat(value: Any) -> list[float]:
    if isinstance(value, tuple):
        return [x for item in value for x in _flat(item)]
    return [value]


def _near(a: float, b: float, part: Part) -> bool:
    # 정수 답도 (1 - 0.995) * 10000 = 49.99999999999996 같은 부동소수점 오차는 받는다
    return math.isclose(a, b, rel_tol=max(part.rel_tol, 1e-9), abs_tol=max(part.abs_tol, 1e-12))


def _close(value: Any, target: Any, part: Part) -> bool:
    if _shape(value) != _shape(target):
        return False
    return all(_near(a, b, part) for a, b in zip(_flat(value), _flat(target), strict=True))


def _fmt(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(_fmt, value)) + "]"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def _direction(value: Any, part: Part) -> str:
    """흔한 실수가 아닌 오답에 줄 방향(정답 값은 말하지 않는다)."""
    expected = part.expected
    if not isinstance(expected, tuple):
        return f"정답은 이보다 {'큽니다' if value < expected else '작습니다'}. {part.how}"
    if _shape(value) != _shape(expected):
        return f"값의 개수가 다릅니다. {part.how}"
    if len(_shape(expected)) == 2:
        wrong = [
            f"{r + 1}행 {c + 1}열" for r, row in enumerate(expected) for c, want in enumerate(row) if not _near(value[r][c], want, part)
        ]
        return f"{', '.join(wrong)}이 다릅니다. {part.how}"
    return f"목록의 값이 다릅니다. {part.how}"


def _grade(qid: str, part: Part, value: Any) -> tuple[bool, str]:
    """답 한 칸을 채점해 (맞았는지, 출력할 줄)을 돌려준다. 모양이 틀린 행렬은 ValueError."""
    if value is None:
        return False, f"빈칸 [{qid}] {part.label}: None 자리에 계산한 답을 넣으세요."
    if _close(value, part.expected, part):
        return True, f"정답 [{qid}] {part.label} = {_fmt(value)}"
    shown = f"오답 [{qid}] {part.label} = {_fmt(value)}: "
    for wrong, hint in part.mistakes.items():
        if _close(value, wrong, part):
            return False, shown + hint
    expected_shape, got = _shape(part.expected), _shape(value)
    if got != expected_shape and (part.fixed_length or len(got) != 1 or len(expected_shape) != 1):
        raise ValueError(
            f"[{qid}] {part.label}의 모양(shape)이 맞지 않습니다: {_shape_text(expected_shape)}로 넣으세요(받은 것: {_shape_text(got)})."
        )
    return False, shown + _direction(value, part)


# ---------------------------------------------------------------- 채점


def answer(question_id: str, *values: Any) -> None:
    """확인 문제의 답을 채점한다. 예: answer("2-1", 값1, 값2)(값은 계산한 답).

    답 한 칸마다 한 줄(정답/오답/빈칸)과 요약 한 줄("→ [2-1] 모두 정답입니다." 등)을 출력하고, 아무것도 돌려주지 않는다
    (check()처럼: 셀 마지막 줄이어도 True/False가 따로 찍히지 않는다). 값이 모두 None이면(아직 풀지 않은 셀) 채점하지 않고
    무엇을 넣으면 되는지만 알려 준다. 없는 번호는 ValueError, 값의 개수나 종류가 틀리면 TypeError를 낸다.
    """
    key = str(question_id).strip()
    if key not in QUESTIONS:
        raise ValueError(f"{question_id!r}라는 확인 문제 번호(question id)는 없습니다. 채점할 수 있는 번호: {', '.join(QUESTIONS)}")
    question = QUESTIONS[key]
    parts = question.parts
    if len(values) != len(parts):
        placeholders = ", ".join(f"값{i + 1}" for i in range(len(parts))) if len(parts) > 1 else "값"
        raise TypeError(
            f"[{key}] 답(value)을 {len(parts)}개 넣어야 합니다(받은 것: {len(values)}개). "
            f'넣을 것: {question.prompt}. 예: answer("{key}", {placeholders})'
        )
    if all(value is None for value in values):
        print(f"아직 답이 없습니다 [{key}]: None 자리에 계산한 답을 넣고 다시 실행하세요. 넣을 것: {question.prompt}")
        return
    read = [None if value is None else _read(key, part, value) for part, value in zip(parts, values, strict=True)]
    results = [_grade(key, part, value) for part, value in zip(parts, read, strict=True)]
    for _, line in results:
        print(line)
    if all(ok for ok, _ in results):
        print(f"→ [{key}] 모두 정답입니다.")
        return
    if any(value is None for value in read):
        print(f"→ [{key}] 빈칸을 채우고 다시 실행하세요.")
    else:
        print(f"→ [{key}] 틀린 답이 있습니다. 위의 힌트대로 다시 계산해 보세요. 풀이는 확인 문제의 '정답 보기'에 있습니다.")


__all__ = ["QUESTIONS", "Part", "Question", "answer", "questions"]
