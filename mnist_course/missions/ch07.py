"""7장 미션 3: 은닉층 뉴런 수만 바꾼 용량 실험(M3-1)과 드롭아웃을 제자리에 둔 모델(M3-2)."""

from __future__ import annotations

from typing import Any

from mnist_course.missions._common import (
    MissionTask,
    accuracy_key,
    accuracy_metric,
    check_batch,
    check_crossentropy,
    check_input_shape,
    check_softmax_output,
    compile_config,
    describe,
    epochs_and_steps,
    fail,
    history_list,
    optimizer_name,
    passed,
    require_model,
    steps,
    stopped_by_patience,
)
from mnist_course.missions._dense import MNIST_SHAPE, check_base_layers, check_flatten_first

UNITS = (1, 15, 784)
SMALL_SIZE, BATCH_SIZE, MAX_EPOCHS, PATIENCE = 5_000, 256, 1000, 5
DROPOUT_UNITS, DROPOUT_RATE = 50, 0.5


def _hidden_units(task: str, history: Any) -> int:
    """기록 속 모델이 Flatten → Dense(N, relu) → Dense(10, softmax)이고 Adam·교차 엔트로피로 compile됐는지 보고 N을 돌려준다."""
    model = history.model
    hidden = check_base_layers(task, model, units=None, activation="relu")
    config = compile_config(task, model)
    check_crossentropy(task, config)
    accuracy_metric(task, config)
    if optimizer_name(model.optimizer) != "Adam":
        fail(
            task,
            f"옵티마이저가 {optimizer_name(model.optimizer)}입니다. "
            "세 모델 모두 미션에 적힌 Adam으로 학습해야 뉴런 수만 다른 비교가 됩니다.",
        )
    return hidden.units


def _check_capacity_run(task: str, units: int, history: Any) -> None:
    log = history.history
    if "val_loss" not in log:
        fail(
            task,
            f"뉴런 {units}개 모델의 학습 기록에 검증 손실(val_loss)이 없습니다. fit에 "
            "validation_data=(x_val_small, y_val_small)를 넘겨 주세요. "
            "검증 손실이 없으면 조기 종료도 지켜볼 값이 없습니다.",
        )
    if accuracy_key(log) is None:
        fail(task, f'뉴런 {units}개 모델의 학습 기록에 정확도가 없습니다. compile에 metrics=["accuracy"]를 주세요.')
    max_epochs, _ = epochs_and_steps(history)
    if max_epochs != MAX_EPOCHS:
        fail(
            task,
            f"뉴런 {units}개 모델의 최대 에포크 수(fit의 epochs)가 {max_epochs}입니다. "
            f"미션은 넉넉히 {MAX_EPOCHS}을 주고 멈추는 때는 조기 종료에 맡깁니다.",
        )
    check_batch(task, history, SMALL_SIZE, BATCH_SIZE, where=f"뉴런 {units}개 모델은 ")
    if len(history.epoch) >= MAX_EPOCHS or not stopped_by_patience(log, "val_loss", PATIENCE):
        fail(
            task,
            f"뉴런 {units}개 모델이 '검증 손실(val_loss)의 최저 기록 뒤로 {PATIENCE} 에포크'에서 멈추지 않았습니다. "
            "fit에 callbacks=[조기 종료 콜백]을 넘겼는지, 콜백이 지켜보는 값과 patience가 미션과 같은지 확인하세요.",
        )


def check_capacity_histories(histories: Any) -> None:
    """미션 3-1: 뉴런 1, 15, 784개 모델을 같은 조건(Adam, 배치 256, 최대 1000 에포크)에서 검증 손실 조기 종료로 학습한 기록.

    histories는 History의 목록이나 딕셔너리이고 순서는 자유다. 모델은 기록 속 history.model에서 읽는다.
    조기 종료 설정은 기록의 모양으로 본다: 검증 손실이 가장 낮았던 에포크 뒤로 patience(5) 에포크에서 멈췄어야 한다.
    """
    task = "M3-1"
    items = history_list(task, histories, len(UNITS), f"뉴런 수 {list(UNITS)}마다")
    by_units = {}
    for history in items:
        units = _hidden_units(task, history)
        if units in by_units:
            fail(task, f"은닉층 뉴런이 {units}개인 모델이 두 번 있습니다. 미션의 뉴런 수 {list(UNITS)}마다 하나씩 학습하세요.")
        by_units[units] = history
    if sorted(by_units) != sorted(UNITS):
        fail(task, f"모델들의 은닉층 뉴런 수가 {sorted(by_units)}입니다. 미션은 은닉층 하나의 뉴런 수만 {list(UNITS)}로 바꿉니다.")
    for units in UNITS:
        _check_capacity_run(task, units, by_units[units])
    small, large = (max(by_units[u].history[accuracy_key(by_units[u].history)]) for u in (UNITS[0], UNITS[-1]))
    if not large > small:
        fail(
            task,
            f"뉴런 {UNITS[-1]}개 모델의 훈련 정확도가 {UNITS[0]}개 모델보다 "
            "높지 않습니다. 모델마다 새로 만들어 같은 데이터로 학습했는지 확인하세요.",
        )
    passed(
        task,
        f"용량 실험: 뉴런 {', '.join(map(str, UNITS))}개 모델을 같은 조건에서 검증 데이터와 함께 학습했고, "
        "모두 검증 손실이 가장 낮았던 때를 지나 조기 종료로 멈췄습니다.",
    )


def _check_dropout_places(task: str, model: Any, chain: list[Any]) -> None:
    for i, step in enumerate(chain):
        if step.kind != "dropout":
            continue
        before = chain[i - 1] if i else None
        if before is not None and before.activation == "softmax":
            fail(
                task,
                f"드롭아웃이 소프트맥스(softmax) 바로 뒤에 있습니다: {before.describe()} "
                f"→ {step.describe()}. 소프트맥스가 낸 10칸에는 이미 "
                "답(확률)이 담겨 있어서, 드롭아웃이 답이 담긴 칸을 지워 버립니다. "
                "드롭아웃이 무엇을 지워야 하는지 생각하며 층 순서를 다시 정하세요. "
                f"지금 모델: {describe(model)}",
            )
        if before is not None and before.kind == "flatten":
            fail(
                task,
                "드롭아웃이 Flatten 바로 뒤, 곧 입력 픽셀에 걸려 있습니다. 이 미션에서는 "
                f"은닉층이 만든 특징에 드롭아웃을 겁니다. 지금 모델: {describe(model)}",
            )
        if before is None or before.kind != "dense":
            fail(
                task,
                f"드롭아웃 앞이 {before.describe() if before else '아무것도 아님'}입니다. "
                f"드롭아웃은 은닉층(Dense) 바로 뒤에 둡니다. 지금 모델: {describe(model)}",
            )


def check_dropout_model(model: Any) -> None:
    """미션 3-2: Flatten → Dense(50, relu) → Dropout(0.5) → Dense(10, softmax). 드롭아웃이 은닉층의 특징을 지우는 자리에 있는지."""
    task = "M3-2"
    require_model(task, model)
    check_input_shape(task, model, MNIST_SHAPE)
    chain = steps(model)
    check_flatten_first(task, model, chain)
    drops = [step for step in chain if step.kind == "dropout"]
    if not drops:
        fail(task, f"드롭아웃(Dropout) 층이 없습니다. keras.layers.Dropout(비율)을 층 목록에 끼워 넣으세요. 지금 모델: {describe(model)}")
    _check_dropout_places(task, model, chain)
    check_softmax_output(task, model)
    dense = [step for step in chain if step.kind == "dense"]
    for step in dense[:-1]:
        if step.activation == "softmax":
            fail(
                task,
                f"출력층 말고도 소프트맥스(softmax)를 쓰는 층이 있습니다: {step.describe()}. "
                f"소프트맥스는 맨 끝 출력층에만 씁니다. 지금 모델: {describe(model)}",
            )
    others = [step for step in chain if step.kind not in ("dense", "flatten", "dropout")]
    if len(dense) != 2 or len(drops) != 1 or others:
        fail(task, f"원래 모델처럼 은닉층 Dense 하나, 드롭아웃 하나, 출력층 하나로 만듭니다. 지금 모델: {describe(model)}")
    hidden = dense[0]
    if hidden.units != DROPOUT_UNITS or hidden.activation != "relu":
        fail(task, f"은닉층이 {hidden.describe()}입니다. 원래 모델과 비교하려면 은닉층을 목표에 적힌 그대로 둡니다.")
    if abs(drops[0].rate - DROPOUT_RATE) > 1e-9:
        fail(
            task,
            f"드롭아웃 비율(rate)이 {drops[0].rate:g}입니다. 원래 모델과 자리만 다르게 비교하려면 비율은 목표에 적힌 값 그대로 둡니다.",
        )
    if getattr(model, "compiled", False):
        check_crossentropy(task, model.get_compile_config() or {})
    passed(task, "드롭아웃 모델: 드롭아웃의 자리와 비율, 은닉층, 출력층을 모두 확인했습니다.")


TASKS = [
    MissionTask(
        "M3-1",
        "미션 3-1: 용량 바꿔 보기",
        check_capacity_histories,
        (
            """세 모델은 은닉층의 뉴런 수만 다릅니다. 뉴런 수를 바꿔 가며 반복문으로 모델을 만들고 학습하세요.
언제 멈출지는 조기 종료에 맡깁니다.""",
            """반복문 안에서 모델을 매번 새로 만들고, 은닉층 Dense의 뉴런 수 자리에 반복 변수(units)를 넣습니다.
- 조기 종료 콜백도 모델마다 새로 만듭니다. 지켜볼 값은 검증 손실("val_loss"), patience=5, restore_best_weights=True입니다.
- fit에는 callbacks=[my_early_stop]를 넘기고, 최대 에포크 수는 넉넉히(epochs=1000) 줍니다. 몇 에포크에서 멈출지는 콜백이 정합니다.
- 세 모델 모두 같은 조건(Adam, 배치 256, 검증 데이터 x_val_small, y_val_small)으로 학습해야 비교할 수 있습니다.
확인: check("M3-1", my_histories)""",
        ),
        """x_small, y_small = data.x_train[:5000], data.y_train[:5000]
x_val_small, y_val_small = data.x_val[:5000], data.y_val[:5000]

my_histories = []
for units in [1, 15, 784]:
    my_model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(units, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name=f"my_dense{units}",
    )
    my_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    my_early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
    my_histories.append(my_model.fit(x_small, y_small, epochs=1000, batch_size=256,
                                     validation_data=(x_val_small, y_val_small), callbacks=[my_early_stop], verbose=0))
    print(f"뉴런 {units}개: {len(my_histories[-1].epoch)} 에포크 학습")""",
    ),
    MissionTask(
        "M3-2",
        "미션 3-2: 드롭아웃을 제자리에",
        check_dropout_model,
        (
            """층 순서를 한 줄씩 읽으며 각 층이 내놓는 것이 무엇인지 생각해 보세요.
드롭아웃이 지우는 것이 '특징'이어야 하는지 '답'이어야 하는지가 열쇠입니다.""",
            """층 순서를 한 줄씩 읽으며 각 층이 내놓는 것이 무엇인지 생각해 보세요.
- 소프트맥스(softmax) 층의 출력은 이미 '답'(클래스별 확률)입니다. 거기를 지우면 답을 지우는 셈입니다.
- 드롭아웃은 모델이 특징을 만드는 자리, 곧 은닉층(hidden layer) 뒤에 둡니다.
- 소프트맥스 출력층은 맨 끝에 하나만 있으면 됩니다. 은닉층과 드롭아웃 비율은 목표에 적힌 그대로입니다.
확인: check("M3-2", my_fixed_model)""",
        ),
        """my_fixed_model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="my_fixed_model",
)""",
    ),
]
