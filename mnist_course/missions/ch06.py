"""6장 미션 2: 검증 정확도를 지켜보다 3 에포크 연달아 나아지지 않으면 멈추는 조기 종료(M2)."""

from __future__ import annotations

from typing import Any

from mnist_course.missions._common import (
    ACCURACY_NAMES,
    MissionTask,
    accuracy_metric,
    check_batch,
    compile_config,
    epochs_and_steps,
    fail,
    history_log,
    keras_module,
    kind_of,
    passed,
    require_validation,
    stopped_by_patience,
)
from mnist_course.missions._dense import BASE_MODEL_CODE, check_base_layers

TRAIN_SIZE = 50_000
MAX_EPOCHS, BATCH_SIZE, PATIENCE = 50, 256, 3


def _early_stopping(task: str, early_stop: Any) -> Any:
    keras = keras_module()
    early_stopping = keras.callbacks.EarlyStopping
    if early_stop is early_stopping:
        fail(
            task,
            "EarlyStopping 클래스 자체가 들어왔습니다. keras.callbacks.EarlyStopping(monitor=..., "
            "patience=...)처럼 괄호와 인자를 넣어 만든 객체를 넘겨 주세요.",
        )
    if isinstance(early_stop, (list, tuple)):
        fail(task, "콜백 목록(list)이 들어왔습니다. 목록 안의 EarlyStopping 객체 하나(예: my_early_stop)를 넘겨 주세요.")
    if not isinstance(early_stop, early_stopping):
        fail(task, f"조기 종료 콜백(keras.callbacks.EarlyStopping)이 아닙니다. 받은 것: {kind_of(early_stop)}")
    return early_stop


def _check_monitor(task: str, early_stop: Any, metric: str | None) -> None:
    """monitor가 검증 정확도의 이름인지. metric은 모델의 정확도 지표 이름(모르면 None: accuracy/acc 모두 받는다)."""
    monitor = early_stop.monitor
    if monitor in ACCURACY_NAMES or monitor == "loss":
        fail(
            task,
            f"monitor='{monitor}'는 훈련 데이터(training data)에서 잰 값입니다. 훈련 성적은 외울수록 계속 좋아지므로 "
            "과대적합(overfitting)을 알아채지 못합니다. 처음 보는 검증 데이터(validation data)에서 잰 값을 지켜보세요. "
            "Keras는 검증 지표 이름 앞에 val_을 붙입니다.",
        )
    if monitor == "val_loss":
        fail(task, "monitor='val_loss'도 쓸 수 있는 값이지만, 이 미션은 검증 정확도를 지켜봅니다. 미션의 목표를 다시 읽어 보세요.")
    names = [metric] if metric else list(ACCURACY_NAMES)
    if monitor not in ["val_" + name for name in names]:
        if metric and monitor.startswith("val_") and monitor[4:] in ACCURACY_NAMES:
            fail(
                task,
                f"monitor='{monitor}'이지만 compile에 준 정확도 지표의 이름은 '{metric}'이라 학습 기록의 키는 'val_{metric}'입니다. "
                "Keras 3에서는 compile에 적은 지표 이름 그대로 키가 됩니다. 이름이 다르면 조기 종료가 지켜볼 값을 찾지 못합니다.",
            )
        fail(
            task,
            f"monitor='{monitor}'는 학습 기록에 없는 이름입니다. 검증 정확도의 "
            "이름은 val_ 뒤에 compile의 정확도 지표 이름을 붙인 것입니다.",
        )


def _check_settings(task: str, early_stop: Any) -> None:
    patience = early_stop.patience
    if isinstance(patience, bool) or not isinstance(patience, int) or patience < 1:
        fail(
            task,
            f"patience={patience!r}입니다. patience는 '나아지지 않는 에포크를 연달아 몇 번까지 참을지'라서 1 이상의 정수여야 합니다. "
            "0이면 검증 정확도가 조금만 흔들려도 바로 멈춥니다.",
        )
    if patience != PATIENCE:
        fail(task, f"patience={patience}입니다. 목표는 '최고 기록을 넘지 못한 에포크가 {PATIENCE}번 연달아 나오면' 멈추는 것입니다.")
    if early_stop.mode == "min":
        fail(task, "mode='min'은 '작아질수록 좋은 값'(손실 같은)에 씁니다. 정확도는 클수록 좋으므로 mode를 빼거나(auto) 'max'로 두세요.")
    if abs(early_stop.min_delta) > 0:
        fail(
            task,
            f"min_delta={abs(early_stop.min_delta):g}입니다. 목표는 최고 기록을 조금이라도 넘으면 나아진 것으로 칩니다. "
            "min_delta를 빼세요(기본값 0).",
        )


def _check_run(task: str, early_stop: Any, history: Any) -> str:
    keras = keras_module()
    if not isinstance(history, keras.callbacks.History):
        history_log(task, history, need_history_object=True)  # 무엇이 들어왔는지 알려 주며 실패한다
    log = history_log(task, history)
    if early_stop.model is None:
        fail(task, "이 EarlyStopping 객체는 fit에 넘겨진 적이 없습니다. fit(..., callbacks=[...])의 목록에 넣어 주세요.")
    if early_stop.model is not history.model:
        fail(
            task,
            "이 EarlyStopping 객체는 이 학습 기록과 다른 모델의 fit에 쓰였습니다. 모델, 콜백, fit을 한 셀에서 차례로 다시 실행해 보세요.",
        )
    monitor = require_validation(task, log)
    max_epochs, _ = epochs_and_steps(history)
    if max_epochs != MAX_EPOCHS:
        fail(task, f"최대 에포크 수(fit의 epochs)가 {max_epochs}입니다. 목표의 최대 에포크 수는 {MAX_EPOCHS}입니다.")
    check_batch(task, history, TRAIN_SIZE, BATCH_SIZE)
    if len(history.epoch) >= MAX_EPOCHS:
        fail(
            task,
            f"최대 에포크({MAX_EPOCHS})를 다 채울 때까지 학습이 멈추지 않았습니다. fit에 callbacks=[조기 종료 콜백]을 넘겼는지 확인하세요.",
        )
    if not stopped_by_patience(log, monitor, PATIENCE):
        fail(
            task,
            f"학습이 '{monitor}의 최고 기록 뒤로 {PATIENCE} 에포크'에서 "
            "멈추지 않았습니다. 조기 종료가 지켜본 값이 검증 정확도가 맞는지 확인하세요.",
        )
    return monitor


def check_early_stopping(early_stop: Any, history: Any = None) -> None:
    """미션 2: 검증 정확도를 지켜보다 patience 3에서 멈추는 EarlyStopping, 그리고 그 콜백으로 기본 모델을 학습한 기록.

    history(fit의 결과)를 주면 그 모델의 정확도 지표 이름과 monitor가 맞는지, 배치 256·최대 50 에포크로 학습해
    검증 정확도의 최고 기록 뒤 3 에포크에서 멈췄는지도 본다.
    """
    task = "M2"
    early_stop = _early_stopping(task, early_stop)
    model = history.model if history is not None and hasattr(history, "model") else early_stop.model
    metric = None
    if model is not None:
        check_base_layers(task, model)
        metric = accuracy_metric(task, compile_config(task, model))
    _check_monitor(task, early_stop, metric)
    _check_settings(task, early_stop)
    if history is None:
        passed(
            task,
            "조기 종료 콜백: 지켜볼 값, 참을성(patience), 방향이 알맞습니다. 학습 "
            '기록도 넘기면(check("M2", 콜백, 기록)) 실제로 멈췄는지 봅니다.',
        )
        return
    _check_run(task, early_stop, history)
    note = (
        " restore_best_weights=True라서 가장 좋았던 에포크의 가중치로 되돌렸습니다."
        if early_stop.restore_best_weights
        else " (더 해 보기: restore_best_weights=True를 주면 가장 좋았던 에포크의 가중치로 되돌립니다.)"
    )
    passed(task, f"조기 종료: 콜백 설정과 학습 기록 모두 목표대로이고, 최고 기록 뒤 {PATIENCE} 에포크에서 멈췄습니다.{note}")


TASKS = [
    MissionTask(
        "M2",
        "미션 2: 조기 종료로 학습하기",
        check_early_stopping,
        (
            """정할 것은 두 가지입니다. 무엇을 지켜볼지(monitor)와, 나아지지 않는 에포크를 몇 번 참을지(patience).
둘 다 미션의 목표에 적혀 있습니다. 조기 종료 객체는 fit이 알아야 동작합니다.""",
            """- monitor: 훈련 데이터가 아니라 검증 데이터에서 잰 정확도를 지켜봅니다. Keras는 검증 지표 이름 앞에 val_을 붙이고,
  지표 이름은 compile(metrics=[...])에 적은 그대로입니다.
- patience: 나아지지 않는 에포크를 연달아 몇 번 참을지입니다. 목표에 적힌 값을 쓰세요.
- mode와 min_delta는 주지 않아도 됩니다(기본값). 정확도는 클수록 좋은 값입니다.
- fit에는 validation_data, callbacks=[조기 종료 객체], 넉넉한 최대 에포크(50)를 줍니다. 배치 크기는 256입니다.
확인: check("M2", my_early_stop, my_history)""",
        ),
        BASE_MODEL_CODE
        + """
my_early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3, verbose=1)
my_history = my_model.fit(
    data.x_train, data.y_train, epochs=50, batch_size=256,
    validation_data=(data.x_val, data.y_val), callbacks=[my_early_stop], verbose=2,
)""",
    ),
]
