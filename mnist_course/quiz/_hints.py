"""여러 장의 확인 문제가 함께 쓰는 힌트(흔한 실수에 보여 줄 말)."""

from __future__ import annotations

# 여러 문제에 되풀이되는 힌트
CEIL = "나머지 데이터도 한 번의 이터레이션이 됩니다. 나누어떨어지지 않으면 내림이 아니라 올림(ceil)하세요."
WHOLE = "이터레이션 수는 정수입니다. 나눗셈 결과를 그대로 쓰지 말고 올림(ceil)하세요."
BIAS = "편향(bias)을 빼먹었습니다. 뉴런(필터)마다 편향이 1개씩 더 있습니다."
PERCENT = "백분율(%)이 아니라 0과 1 사이의 값으로 넣으세요."
LEFTOVER = "꽉 찬 묶음들이 쓰고 남은 데이터 수(나눗셈의 나머지)를 구하세요."
DENSE_HOW = "층마다 입력 수 × 뉴런 수(가중치)에 뉴런 수(편향)를 더하고, 두 층을 합하세요."
UPDATES_HOW = "이터레이션 한 번에 가중치를 한 번 고칩니다. 1 에포크의 이터레이션 수(올림한 값)에 에포크 수를 곱하세요."
DATA_TIMES_EPOCHS = "데이터 수 × 에포크 수는 본 데이터의 수입니다. 가중치는 묶음(이터레이션)마다 한 번 고칩니다."
CONV_PARAMS = {
    4608: BIAS,
    4624: "편향은 입력 채널 수(16)가 아니라 필터 수(32)만큼 있습니다.",
    320: "필터 하나가 입력 채널 16장 전체에 걸쳐 있다는 것을 빼먹었습니다(3 × 3 × 16개의 가중치).",
    288: "필터가 입력 채널 16장 전체에 걸쳐 있다는 것과 편향(bias)을 모두 빼먹었습니다.",
}


def dense_mistakes(units: int, other_model: int, other_name: str) -> dict[int, str]:
    """Flatten(784) → Dense(units) → Dense(10) 모델의 파라미터 수에서 흔한 실수들."""
    hidden_params = 784 * units + units
    output_params = units * 10 + 10
    return {
        784 * units + units * 10: BIAS,
        hidden_params: "은닉층만 셌습니다. 출력층 Dense(10)의 파라미터도 더하세요.",
        output_params: "출력층만 셌습니다. 은닉층의 파라미터도 더하세요.",
        hidden_params + output_params - 10: "출력층의 편향(bias) 10개를 빼먹었습니다.",
        hidden_params + output_params - units: f"은닉층의 편향(bias) {units}개를 빼먹었습니다.",
        other_model: f"그건 {other_name}의 파라미터 수입니다. 은닉 뉴런 수를 바꿔 다시 세세요.",
    }
