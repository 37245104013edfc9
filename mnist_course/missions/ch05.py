"""5장 미션 1: 기본 모델(M1-1)과 SGD 세 가지 비교(M1-2)."""

from __future__ import annotations

from typing import Any

from mnist_course.missions._common import (
    MissionTask,
    accuracy_metric,
    check_batch,
    check_crossentropy,
    close,
    compile_config,
    epochs_and_steps,
    fail,
    history_list,
    history_log,
    learning_rate,
    optimizer_name,
    passed,
    reaches,
    require_validation,
    short,
)
from mnist_course.missions._dense import BASE_MODEL_CODE, check_base_layers

TRAIN_SIZE = 50_000  # prepare_mnist()의 훈련 데이터 장수
EPOCHS, BATCH_SIZE = 10, 32
MIN_VAL_ACCURACY = 0.95
ADAPTIVE_MAX_LEARNING_RATE = 0.05  # Adam 같은 옵티마이저가 이보다 큰 학습률이면 이 모델은 튄다(발산)


def _check_optimizer(task: str, optimizer: Any) -> None:
    """M1-1의 옵티마이저: 4장의 설정(SGD, 학습률 0.01, 모멘텀 0)이 아니고 학습률이 터무니없지 않으면 된다."""
    kind = optimizer_name(optimizer)
    lr = learning_rate(optimizer)
    if kind == "SGD":
        if float(optimizer.momentum) == 0 and (lr is None or lr <= 0.01):
            fail(task, "옵티마이저(optimizer)가 모멘텀 없는 SGD, 곧 4장의 설정 그대로입니다. 4장과 다른 옵티마이저를 골라 보세요.")
        if lr is not None and lr > 1:
            fail(task, f"SGD의 학습률(learning rate)이 {lr:g}로 너무 커서 손실이 튀어 오릅니다(발산). 1보다 작은 값을 쓰세요.")
        return
    if lr is not None and lr > ADAPTIVE_MAX_LEARNING_RATE:
        fail(
            task,
            f"{kind}의 학습률(learning rate)이 {lr:g}입니다. {kind}처럼 업데이트 크기를 스스로 맞추는 옵티마이저에 이렇게 큰 학습률을 주면 "
            "이 모델은 손실이 튀어 오릅니다(발산). 학습률을 주지 않으면 알맞은 기본값(보통 0.001)을 씁니다.",
        )


def _check_history(task: str, model: Any, history: Any) -> None:
    log = history_log(task, history, model=model)
    val_key = require_validation(task, log)
    ran = len(log[val_key])
    if ran != EPOCHS:
        fail(task, f"학습한 에포크가 {ran}개입니다. 이 미션은 {EPOCHS} 에포크를 학습합니다(fit의 epochs 인자).")
    check_batch(task, history, TRAIN_SIZE, BATCH_SIZE)
    final = float(log[val_key][-1])
    if not reaches(final, MIN_VAL_ACCURACY):
        fail(
            task,
            f"마지막 검증 정확도({short(final)})가 목표 {MIN_VAL_ACCURACY}보다 낮습니다. 은닉층 활성화 함수, 손실 함수, 옵티마이저 "
            "세 가지를 다시 골라 보세요.",
        )


def check_base_model(model: Any, history: Any = None) -> None:
    """미션 1-1: Flatten → Dense(50, 활성화 자유) → Dense(10, softmax), 교차 엔트로피, 4장과 다른 옵티마이저, 정확도 지표.

    history(fit의 결과)를 주면 검증 데이터와 함께 10 에포크(배치 32)를 학습해 마지막 검증 정확도가 0.95 이상인지도 본다.
    """
    task = "M1-1"
    check_base_layers(task, model)
    config = compile_config(task, model)
    check_crossentropy(task, config)
    _check_optimizer(task, model.optimizer)
    accuracy_metric(task, config)
    if history is None:
        passed(
            task,
            "모델: 층 구성, 손실 함수, 옵티마이저, 정확도 지표를 확인했습니다. 학습 "
            '기록도 넘기면(check("M1-1", 모델, 기록)) 학습 결과까지 봅니다.',
        )
        return
    _check_history(task, model, history)
    passed(
        task,
        f"기본 모델과 학습 기록: 모델 설정, 검증 데이터와 함께 {EPOCHS} 에포크, 마지막 검증 정확도 {MIN_VAL_ACCURACY} 이상을 확인했습니다.",
    )


# 미션 1-2의 세 설정: (이름, 학습률, 모멘텀). 한 번에 하나씩만 다르다.
SGD_SETTINGS = (
    ("기본 SGD(학습률 0.01)", 0.01, 0.0),
    ("학습률만 0.1", 0.1, 0.0),
    ("모멘텀만 0.9(학습률 0.01)", 0.01, 0.9),
)


def _sgd_setting(task: str, history: Any) -> tuple[float, float]:
    model = history.model
    check_base_layers(task, model)
    check_crossentropy(task, compile_config(task, model))
    optimizer = model.optimizer
    if optimizer_name(optimizer) != "SGD":
        fail(task, f"옵티마이저가 {optimizer_name(optimizer)}인 기록이 있습니다. 이 미션은 SGD의 학습률과 모멘텀만 바꿔 비교합니다.")
    lr = learning_rate(optimizer)
    if lr is None:
        fail(task, "학습률 스케줄(schedule)을 쓴 기록이 있습니다. 이 미션은 고정된 학습률(0.01 또는 0.1)로 비교합니다.")
    return lr, float(optimizer.momentum)


def check_sgd_histories(histories: Any) -> None:
    """미션 1-2: 기본 모델을 SGD 세 설정(0.01 / 0.1 / 0.01 + 모멘텀 0.9)으로 10 에포크씩 학습한 기록. 순서는 자유."""
    task = "M1-2"
    items = history_list(task, histories, len(SGD_SETTINGS), "세 설정마다")
    found: dict[str, Any] = {}
    for history in items:
        lr, momentum = _sgd_setting(task, history)
        name = next((name for name, want_lr, want_m in SGD_SETTINGS if close(lr, want_lr) and close(momentum, want_m)), None)
        if name is None:
            extra = (
                " 원래 강의의 설정처럼 두 값을 한꺼번에 바꾸면 차이가 어디서 왔는지 가를 수 없습니다." if lr > 0.01 and momentum > 0 else ""
            )
            fail(
                task,
                f"SGD(학습률 {lr:g}, 모멘텀 {momentum:g})는 미션의 세 설정 "
                f"가운데 어느 것도 아닙니다.{extra} 세 설정은 목표에 적혀 있습니다.",
            )
        if name in found:
            fail(task, f"'{name}' 설정의 기록이 두 개입니다. 세 설정마다 하나씩 학습하세요.")
        found[name] = history
        log = history.history
        if "val_loss" not in log:
            fail(task, f"'{name}' 기록에 검증 손실(val_loss)이 없습니다. fit에 validation_data=(data.x_val, data.y_val)를 넘겨 주세요.")
        if len(log["val_loss"]) != EPOCHS or epochs_and_steps(history)[0] != EPOCHS:
            fail(
                task,
                f"'{name}' 기록은 {len(log['val_loss'])} 에포크를 학습했습니다. 세 설정 모두 {EPOCHS} 에포크(fit의 epochs)로 학습합니다.",
            )
        check_batch(task, history, TRAIN_SIZE, BATCH_SIZE, where=f"'{name}' 기록은 ")
    passed(task, f"SGD 세 설정의 학습 기록: 설정마다 새 모델, 같은 데이터와 배치, {EPOCHS} 에포크, 검증 손실 기록을 확인했습니다.")


TASKS = [
    MissionTask(
        "M1-1",
        "미션 1-1: 기본 모델 만들기",
        check_base_model,
        (
            """4장 끝에서 짚은 느린 까닭을 떠올리세요. 은닉층 뉴런은 50개로 늘리고, 나머지 세 가지를 고릅니다.
- 활성화 함수: 입력이 커도 기울기가 0에 가까워지지 않는 것.
- 손실 함수: 확률을 내는 분류 모델에 맞는 것.
- 옵티마이저: 가중치마다 업데이트 크기를 알아서 맞춰 주는 것.""",
            """은닉층 뉴런을 50개로 늘리고, 4장의 설정 세 가지를 하나씩 바꿉니다. 한 가지 좋은 조합은 이렇습니다.
- 은닉층의 활성화 함수(activation): 음수는 0으로 자르고 양수는 그대로 내보내는 ReLU("relu").
- 손실 함수(loss): data.y_train이 원-핫 벡터인 분류이므로 범주형 교차 엔트로피(categorical cross-entropy).
  이름에 sparse가 붙은 쪽은 레이블이 정수일 때 씁니다.
- 옵티마이저(optimizer): 가중치마다 업데이트 크기를 알아서 맞추는 Adam("adam").
다른 활성화 함수나 옵티마이저도 목표(검증 정확도 0.95)에 닿으면 통과입니다. 출력층은 softmax 그대로입니다.
확인: check("M1-1", my_model, my_history)""",
        ),
        BASE_MODEL_CODE
        + """
my_history = my_model.fit(
    data.x_train, data.y_train, epochs=10, batch_size=32,
    validation_data=(data.x_val, data.y_val), verbose=2,
)""",
    ),
    MissionTask(
        "M1-2",
        "미션 1-2: SGD 세 가지 비교하기",
        check_sgd_histories,
        (
            """세 모델은 옵티마이저의 설정만 다릅니다. 문자열 이름 하나로는 학습률과 모멘텀을 바꿀 수 없으니,
옵티마이저를 직접 만들어 값을 넘기세요. 세 설정은 목표에 적혀 있습니다.""",
            """optimizer="sgd"는 학습률 0.01, 모멘텀(momentum) 0인 기본 설정입니다. 다른 값을 주려면 문자열 대신
keras.optimizers.SGD(...) 객체를 만들어 learning_rate와 momentum 인자를 줍니다.
설정마다 build_base_model()로 새 모델을 만들고, 세 학습 기록을 목록에 모읍니다. 확인: check("M1-2", my_histories)""",
        ),
        """my_histories = []
for learning_rate, momentum in [(0.01, 0.0), (0.1, 0.0), (0.01, 0.9)]:
    my_sgd_model = build_base_model(f"my_sgd_{learning_rate}_{momentum}")
    my_sgd_model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate, momentum=momentum),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    my_histories.append(my_sgd_model.fit(
        data.x_train, data.y_train, epochs=10, batch_size=32,
        validation_data=(data.x_val, data.y_val), verbose=0,
    ))""",
    ),
]
