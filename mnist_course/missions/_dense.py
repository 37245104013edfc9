"""5~7장 미션이 함께 쓰는 Dense 분류 모델 읽기: Flatten → 은닉층 Dense → 출력층 Dense(10, softmax)."""

from __future__ import annotations

from typing import Any

from mnist_course.missions._common import Step, check_input_shape, check_softmax_output, describe, fail, require_model, steps

MNIST_SHAPE = (28, 28, 1)  # prepare_mnist()가 만드는 이미지 한 장의 모양

# 5~6장 풀이가 보여 주는 기본 모델(solution 문자열이 함께 쓴다)
BASE_MODEL_CODE = """my_model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="my_model",
)
my_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])"""


def check_flatten_first(task_id: str, model: Any, chain: list[Step]) -> None:
    first_dense = next((i for i, step in enumerate(chain) if step.kind == "dense"), None)
    if first_dense is None:
        fail(task_id, f"Dense 층이 하나도 없습니다. 지금 모델: {describe(model)}")
    if not any(step.kind == "flatten" for step in chain[:first_dense]):
        fail(
            task_id,
            "첫 Dense 층 앞에 Flatten 층이 없습니다. Dense는 28×28 이미지를 784개 값의 한 줄로 편(flatten) 뒤에 받아야 합니다. "
            f"지금 모델: {describe(model)}",
        )


def check_hidden_activation(task_id: str, hidden: Step, model: Any, required: str | None) -> None:
    """은닉층의 활성화 함수. required가 None이면 자유지만 softmax, 활성화 없음(linear), 4장의 sigmoid는 받지 않는다."""
    name = hidden.activation
    if name == "softmax":
        fail(
            task_id,
            f"은닉층(hidden layer) {hidden.describe()}에 소프트맥스(softmax)가 있습니다. 소프트맥스는 맨 마지막 출력층에만 씁니다. "
            f"은닉층에 쓰면 값들이 합이 1이 되도록 눌려 정보가 줄어듭니다. 지금 모델: {describe(model)}",
        )
    if required is not None:
        if name != required:
            fail(task_id, f"은닉층의 활성화 함수가 {name}입니다. 이 미션의 은닉층은 {required}를 씁니다(미션의 목표 참고).")
        return
    if name == "linear":
        fail(
            task_id,
            "은닉층에 활성화 함수가 없습니다(linear). 활성화 함수가 없으면 층을 몇 개 쌓아도 직선 하나(선형 변환)와 같아서 "
            "곡선 모양의 규칙을 배우지 못합니다. 은닉층 Dense에 activation을 주세요.",
        )
    if name == "sigmoid":
        fail(
            task_id,
            "은닉층의 활성화 함수가 시그모이드(sigmoid)입니다. 4장의 느린 모델 그대로입니다. "
            "입력이 커도 기울기가 0에 가까워지지 않는 활성화 함수를 골라 보세요.",
        )


def check_base_layers(task_id: str, model: Any, units: int | None = 50, activation: str | None = None) -> Step:
    """Flatten → Dense(units, 은닉층 활성화) → Dense(10, softmax)인지 보고, 은닉층을 돌려준다(5~7장의 모델).

    units가 None이면 뉴런 수는 묻지 않는다(7장의 용량 실험). activation이 None이면 활성화 함수는 자유다.
    """
    require_model(task_id, model)
    check_input_shape(task_id, model, MNIST_SHAPE)
    chain = steps(model)
    check_flatten_first(task_id, model, chain)
    others = [step for step in chain if step.kind not in ("dense", "flatten")]
    if others:
        fail(
            task_id,
            f"이 미션의 모델에는 Flatten과 Dense 두 개만 있습니다. 빼야 할 층: {', '.join(s.describe() for s in others)}. "
            f"지금 모델: {describe(model)}",
        )
    dense = [step for step in chain if step.kind == "dense"]
    if len(dense) == 1:
        fail(
            task_id,
            "Dense 층이 출력층 하나뿐이라 은닉층(hidden layer)이 없습니다. Flatten과 "
            f"출력층 사이에 은닉층 하나가 필요합니다. 지금 모델: {describe(model)}",
        )
    check_softmax_output(task_id, model)
    if len(dense) > 2:
        fail(
            task_id,
            f"Dense 층이 {len(dense)}개입니다. 이 미션의 모델은 은닉층 하나와 출력층 하나, 모두 두 개입니다. 지금 모델: {describe(model)}",
        )
    hidden = dense[0]
    check_hidden_activation(task_id, hidden, model, activation)
    if units is not None and hidden.units != units:
        fewer = "(4장의 15개를 그대로 두지 않았나요?) " if hidden.units == 15 else ""
        fail(task_id, f"은닉층의 뉴런이 {hidden.units}개입니다. {fewer}다른 모델과 비교하려면 미션에 적힌 뉴런 수 그대로 만들어야 합니다.")
    return hidden
