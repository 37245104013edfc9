"""mnist_course.missions: 노트북의 풀이는 통과시키고, 초보자가 흔히 하는 실수는 알맞은 한국어 메시지로 막는지 본다.

모든 모델은 진짜 Keras 객체(작은 모델)이고, 학습이 필요한 기록은 수십 장짜리 가짜 데이터로 몇 에포크만 돈다.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mnist_course.environment import import_tensorflow_quietly

import_tensorflow_quietly()
import keras  # noqa: E402

from mnist_course import missions  # noqa: E402
from mnist_course.missions import (  # noqa: E402
    TASKS,
    MissionCheckError,
    check,
    check_base_history,
    check_base_model,
    check_capacity_histories,
    check_cnn_mission,
    check_dropout_model,
    check_early_stopping,
    check_early_stopping_history,
    check_momentum_sgd,
    check_stop_callback,
    hint,
    solution,
)

layers = keras.layers


def fails(match: str, func: Any, *args: Any, **kwargs: Any) -> str:
    """func(*args)가 MissionCheckError를 내고 메시지에 match(정규식)가 있는지 확인하고, 메시지를 돌려준다."""
    with pytest.raises(MissionCheckError, match=match) as info:
        func(*args, **kwargs)
    message = str(info.value)
    assert isinstance(info.value, AssertionError)
    assert message.startswith("[미션 ") and 'hint("' in message
    return message


def passes(capsys: pytest.CaptureFixture[str], task_id: str, func: Any, *args: Any, **kwargs: Any) -> str:
    func(*args, **kwargs)
    out = capsys.readouterr().out
    assert out.startswith(f"통과 [{task_id}] ") and out.count("\n") == 1, out
    return out


def sequential(*stack: Any, input_shape: tuple[int, ...] = (28, 28, 1)) -> keras.Model:
    return keras.Sequential([keras.Input(shape=input_shape), *stack])


def dense_model(hidden: int = 50, hidden_activation: str = "relu", out_units: int = 10, out_activation: str = "softmax") -> keras.Model:
    return sequential(
        layers.Flatten(), layers.Dense(hidden, activation=hidden_activation), layers.Dense(out_units, activation=out_activation)
    )


def compiled(
    model: keras.Model, optimizer: Any = "adam", loss: Any = "categorical_crossentropy", metrics: Any = ("accuracy",)
) -> keras.Model:
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def build_base_model(name: str) -> keras.Model:
    """5장 풀이의 build_base_model 그대로."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(50, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name=name,
    )


@pytest.fixture(scope="module")
def tiny_data() -> tuple[np.ndarray, np.ndarray]:
    """모양만 MNIST와 같은 가짜 데이터 32장 (이미지 28×28×1, 원-핫 레이블)."""
    rng = np.random.default_rng(0)
    x = rng.random((32, 28, 28, 1), dtype=np.float32)
    y = keras.utils.to_categorical(rng.integers(0, 10, 32), 10)
    return x, y


# ---------------------------------------------------------------- 4-1 기본 모델


def test_4_1_notebook_solution_passes(capsys: pytest.CaptureFixture[str]) -> None:
    base_model = build_base_model("base_adam")
    base_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"], steps_per_execution=64)
    out = passes(capsys, "5-1", check_base_model, base_model)
    assert "층 구성" in out and "Dense(50" not in out  # 통과 메시지는 답을 되풀이하지 않는다


def test_4_1_loss_and_optimizer_objects_pass(capsys: pytest.CaptureFixture[str]) -> None:
    model = compiled(dense_model(), optimizer=keras.optimizers.Adam(), loss=keras.losses.CategoricalCrossentropy())
    passes(capsys, "5-1", check_base_model, model)


@pytest.mark.parametrize(
    ("model", "match"),
    [
        (lambda: compiled(dense_model(15, "sigmoid"), optimizer="sgd", loss="mean_squared_error"), r"시그모이드\(sigmoid\)"),
        (lambda: compiled(dense_model(15)), "뉴런이 15개로 너무 적습니다"),
        (lambda: compiled(dense_model(64)), "뉴런이 64개입니다"),
        (lambda: compiled(dense_model(50, "softmax")), r"은닉층\(hidden layer\) Dense\(50, softmax\)에 소프트맥스"),
        (lambda: compiled(dense_model(out_activation="sigmoid")), "출력층의 활성화 함수.*sigmoid"),
        (lambda: compiled(dense_model(out_units=1)), "출력층.*뉴런이 1개"),
        (lambda: compiled(dense_model(), loss="mse"), r"평균 제곱 오차\(mean squared error\)"),
        (lambda: compiled(dense_model(), loss="sparse_categorical_crossentropy"), "레이블이 정수"),
        (lambda: compiled(dense_model(), loss=keras.losses.CategoricalCrossentropy(from_logits=True)), "from_logits"),
        (lambda: compiled(dense_model(), optimizer="sgd"), r"옵티마이저\(optimizer\)가 SGD"),
        (lambda: compiled(dense_model(), optimizer="rmsprop"), "RMSprop"),
        (lambda: compiled(dense_model(), metrics=["acc"]), r'metrics=\["accuracy"\]'),
        (lambda: dense_model(), "compile하지 않았습니다"),
        (lambda: compiled(sequential(layers.Dense(10, activation="softmax"), input_shape=(784,))), r"입력 모양\(input shape\)이 \(784,\)"),
        (
            lambda: compiled(sequential(layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax"))),
            "Flatten 층이 없습니다",
        ),
        (lambda: compiled(sequential(layers.Flatten(), layers.Dense(10, activation="softmax"))), "은닉층\\(hidden layer\\)이 없습니다"),
    ],
    ids=[
        "chapter3-model",
        "too-few-units",
        "other-width",
        "hidden-softmax",
        "output-sigmoid",
        "output-units",
        "mse",
        "sparse-loss",
        "from-logits",
        "sgd",
        "rmsprop",
        "acc-metric",
        "not-compiled",
        "input-784",
        "no-flatten",
        "no-hidden",
    ],
)
def test_4_1_rejects_beginner_mistakes(model: Any, match: str) -> None:
    message = fails(match, check_base_model, model())
    assert "Dense(50, activation" not in message  # 풀이를 보여 주지 않는다


def test_4_1_rejects_a_history_instead_of_the_model(tiny_data: tuple[np.ndarray, np.ndarray]) -> None:
    model = compiled(dense_model())
    history = model.fit(*tiny_data, epochs=1, verbose=0)
    fails(r"학습 기록\(History\)이 들어왔습니다", check_base_model, history)
    fails("keras 모델", check_base_model, "my_model")


# ---------------------------------------------------------------- 4-2 모멘텀 SGD


def test_4_2_notebook_solution_passes(capsys: pytest.CaptureFixture[str]) -> None:
    momentum_model = build_base_model("base_momentum")
    momentum_model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.1), loss="categorical_crossentropy", metrics=["accuracy"]
    )
    out = passes(capsys, "5-2", check_momentum_sgd, momentum_model)
    assert "모멘텀을 더한 SGD" in out and "0.1" not in out
    passes(capsys, "5-2", check_momentum_sgd, keras.optimizers.SGD(learning_rate=0.01, momentum=0.9))


@pytest.mark.parametrize(
    ("optimizer", "match"),
    [
        ("sgd", r"모멘텀\(momentum\)이 0"),
        (keras.optimizers.SGD(learning_rate=0.1), r"모멘텀\(momentum\)이 0"),
        ("adam", r"옵티마이저\(optimizer\)가 Adam"),
        (keras.optimizers.SGD(learning_rate=0.1, momentum=1.0), "1보다 작아야"),
        (keras.optimizers.SGD(learning_rate=5.0, momentum=0.1), "너무 커서"),
        (keras.optimizers.SGD(learning_rate=1e-6, momentum=0.1), "너무 작아서"),
    ],
    ids=["plain-sgd-string", "sgd-without-momentum", "adam", "momentum-1", "huge-lr", "tiny-lr"],
)
def test_4_2_rejects_beginner_mistakes(optimizer: Any, match: str) -> None:
    fails(match, check_momentum_sgd, compiled(build_base_model("m"), optimizer=optimizer))


def test_4_2_still_checks_the_model() -> None:
    model = compiled(dense_model(15, "sigmoid"), optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.1))
    fails("시그모이드", check_momentum_sgd, model)


# ---------------------------------------------------------------- 4-3 기본 모델의 학습 기록


def good_history(epochs: int = 10, val: float = 0.97) -> dict[str, list[float]]:
    return {
        "accuracy": [0.9] * epochs,
        "loss": [0.3] * epochs,
        "val_accuracy": [val] * epochs,
        "val_loss": [0.1] * epochs,
    }


def test_4_3_history_passes(capsys: pytest.CaptureFixture[str]) -> None:
    passes(capsys, "5-3", check_base_history, good_history())


def test_4_3_rejects_beginner_mistakes(tiny_data: tuple[np.ndarray, np.ndarray]) -> None:
    model = compiled(dense_model())
    no_validation = model.fit(*tiny_data, epochs=1, verbose=0)  # validation_data를 빠뜨림
    fails(r"validation_data=\(data.x_val, data.y_val\)", check_base_history, no_validation)
    fails("학습한 에포크가 5개", check_base_history, good_history(epochs=5))
    fails(r"마지막 검증 정확도\(0.2700\)가 목표", check_base_history, good_history(val=0.27))
    fails("모델이 들어왔습니다", check_base_history, model)


# ---------------------------------------------------------------- 5-1 조기 종료 설정


@pytest.fixture(scope="module")
def chapter5_model() -> keras.Model:
    return compiled(build_base_model("base_early_stopping"))


def test_5_1_notebook_solution_passes(capsys: pytest.CaptureFixture[str], chapter5_model: keras.Model) -> None:
    early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3, verbose=1)
    out = passes(capsys, "6-1", check_early_stopping, early_stop, chapter5_model)
    assert "val_accuracy" not in out and "patience=3" not in out and "더 해 보기: restore_best_weights" in out
    restore = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3, restore_best_weights=True, mode="max")
    out = passes(capsys, "6-1", check_early_stopping, restore)
    assert "가장 좋았던 가중치로 되돌립니다" in out and "더 해 보기" not in out


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"monitor": "accuracy", "patience": 3}, r"훈련 데이터\(training data\)에서 잰 값"),
        ({"monitor": "val_acc", "patience": 3}, "학습 기록의 키는 'val_accuracy'"),
        ({"monitor": "val_accuracy", "patience": 0}, "patience=0"),
        ({"monitor": "val_accuracy", "patience": 3, "mode": "min"}, "mode='min'"),
        ({"monitor": "val_loss", "patience": 3}, "monitor='val_loss'"),
        ({"monitor": "val_accuarcy", "patience": 3}, "학습 기록에 없는 이름"),
        ({"monitor": "val_accuracy", "patience": 30}, r"patience 값\(30\)이 너무 커서"),
        ({"monitor": "val_accuracy", "patience": 3, "min_delta": 0.1}, r"min_delta 값\(0.1\)"),
    ],
    ids=["training-metric", "val-acc", "patience-0", "mode-min", "val-loss", "typo", "patience-huge", "min-delta"],
)
def test_5_1_rejects_beginner_mistakes(kwargs: dict, match: str, chapter5_model: keras.Model) -> None:
    fails(match, check_early_stopping, keras.callbacks.EarlyStopping(**kwargs), chapter5_model)


def test_5_1_monitor_must_match_the_compiled_metric_name(capsys: pytest.CaptureFixture[str]) -> None:
    acc_model = compiled(dense_model(), metrics=["acc"])
    fails(
        r'metrics=\["acc"\]를 주었으므로 학습 기록의 키는 \'val_acc\'',
        check_early_stopping,
        keras.callbacks.EarlyStopping("val_accuracy", patience=3),
        acc_model,
    )
    passes(capsys, "6-1", check_early_stopping, keras.callbacks.EarlyStopping("val_acc", patience=3), acc_model)


def test_5_1_rejects_the_class_or_a_list() -> None:
    fails("클래스 자체", check_early_stopping, keras.callbacks.EarlyStopping)
    fails(r"콜백 목록\(list\)", check_early_stopping, [keras.callbacks.EarlyStopping("val_accuracy", patience=3)])
    fails("EarlyStopping\\)이 아닙니다", check_early_stopping, keras.callbacks.History())


# ---------------------------------------------------------------- 5-2 조기 종료로 학습한 기록


@pytest.fixture(scope="module")
def frozen_model() -> keras.Model:
    """학습률 0: 검증 정확도가 변하지 않으므로 EarlyStopping이 늘 patience + 1 에포크에서 멈춘다."""
    return compiled(build_base_model("frozen"), optimizer=keras.optimizers.SGD(learning_rate=0.0))


def test_5_2_stopped_run_passes(capsys: pytest.CaptureFixture[str], frozen_model: keras.Model, tiny_data: tuple) -> None:
    x, y = tiny_data
    early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3, verbose=0)
    history = frozen_model.fit(x, y, epochs=50, batch_size=256, validation_data=(x, y), callbacks=[early_stop], verbose=0)
    assert len(history.epoch) == 4
    passes(capsys, "6-2", check_early_stopping_history, history, early_stop)
    passes(capsys, "6-2", check_early_stopping_history, history)
    fails(r"history.history\(딕셔너리\)", check_early_stopping_history, history.history)
    other = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
    fails("fit에 넘겨진 적이 없습니다", check_early_stopping_history, history, other)


def test_5_2_rejects_a_run_without_validation_data(frozen_model: keras.Model, tiny_data: tuple) -> None:
    early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
    with pytest.warns(UserWarning):  # Keras 자신은 경고만 낸다
        history = frozen_model.fit(*tiny_data, epochs=2, batch_size=256, callbacks=[early_stop], verbose=0)
    fails("validation_data=.*넘기지 않았습니다", check_early_stopping_history, history, early_stop)


def test_5_2_rejects_runs_that_never_stop(frozen_model: keras.Model, tiny_data: tuple) -> None:
    x, y = tiny_data
    history = frozen_model.fit(x, y, epochs=2, batch_size=256, validation_data=(x, y), verbose=0)  # 콜백 없음
    fails(r"최대 에포크\(2\)를 다 채울 때까지.*epochs=2", check_early_stopping_history, history)
    early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
    history = frozen_model.fit(x, y, epochs=3, batch_size=256, validation_data=(x, y), callbacks=[early_stop], verbose=0)
    other_model = compiled(build_base_model("other"))
    other_model.fit(
        x, y, epochs=1, batch_size=256, validation_data=(x, y), callbacks=[early_stop], verbose=0
    )  # 같은 콜백을 다른 fit에 또 씀
    fails("다른 모델의 fit에 쓰였습니다", check_early_stopping_history, history, early_stop)


# ---------------------------------------------------------------- 6-1 용량 실험


def capacity_run(units: int, tiny_data: tuple, epochs: int = 50, early_stop: bool = True, **fit: Any) -> keras.callbacks.History:
    """7장 직접 해 보기 셀의 반복문 한 번.

    검증 레이블을 한 칸씩 밀어 두어, 모델이 훈련 레이블을 외울수록 검증 손실이 올라 조기 종료가 걸린다.
    뉴런 1개 모델은 기본 학습률로는 50 에포크 안에 외우지 못하므로 학습률을 키워 빨리 멈추게 한다(검사기는 학습률을 보지 않는다).
    """
    x, y = tiny_data
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)] if early_stop else []
    fit.setdefault("validation_data", (x, np.roll(y, 1, axis=0)))
    optimizer = keras.optimizers.Adam(0.05) if units == 1 else "adam"
    return compiled(dense_model(units), optimizer=optimizer).fit(x, y, epochs=epochs, batch_size=256, callbacks=callbacks, verbose=0, **fit)


@pytest.fixture(scope="module")
def capacity_histories(tiny_data: tuple) -> list[keras.callbacks.History]:
    """가짜 데이터 32장(에포크마다 배치 하나)으로 뉴런 1, 15, 784개 모델을 조기 종료로 학습한 기록."""
    keras.utils.set_random_seed(0)
    histories = [capacity_run(units, tiny_data) for units in [1, 15, 784]]
    assert all(len(h.epoch) < 50 for h in histories)  # 조기 종료가 정말 걸렸다
    return histories


def test_6_1_notebook_loop_passes(capsys: pytest.CaptureFixture[str], capacity_histories: list) -> None:
    passes(capsys, "7-1", check_capacity_histories, capacity_histories)
    by_units = dict(zip([1, 15, 784], capacity_histories, strict=True))
    passes(capsys, "7-1", check_capacity_histories, by_units)  # 풀이 셀의 capacity_histories 모양


def test_6_1_rejects_beginner_mistakes(capacity_histories: list, tiny_data: tuple) -> None:
    fails("하나만 들어왔습니다", check_capacity_histories, capacity_histories[0])
    fails("학습 기록이 2개", check_capacity_histories, capacity_histories[:2])
    same_units = [capacity_run(50, tiny_data) for _ in range(3)]
    fails(r"은닉층 뉴런 수가 \[50, 50, 50\]", check_capacity_histories, same_units)
    by_units = dict(zip([1, 15, 784], capacity_histories, strict=True))
    fails(r"History\)을 그대로", check_capacity_histories, {units: h.history for units, h in by_units.items()})
    fails(r"딕셔너리의 키 \[784, 15, 1\]", check_capacity_histories, dict(zip([784, 15, 1], capacity_histories, strict=True)))


def test_6_1_rejects_runs_without_validation_or_early_stopping(capacity_histories: list, tiny_data: tuple) -> None:
    no_validation = capacity_run(15, tiny_data, epochs=3, early_stop=False, validation_data=None)
    fails(
        r"뉴런 15개 모델의 학습 기록에 검증 지표\(val_loss\)가 없습니다",
        check_capacity_histories,
        [capacity_histories[0], no_validation, capacity_histories[2]],
    )
    fixed_epochs = capacity_run(1, tiny_data, epochs=15, early_stop=False)  # 예전 미션처럼 15 에포크로 자름
    fails(r"뉴런 1개 모델이 최대 에포크\(15\)를 다 채울 때까지", check_capacity_histories, [fixed_epochs, *capacity_histories[1:]])
    other_limit = capacity_run(784, tiny_data, epochs=40)  # 조기 종료는 걸렸지만 최대 에포크 수가 다름
    assert len(other_limit.epoch) < 40
    fails("세 모델의 학습 조건이 다릅니다", check_capacity_histories, [*capacity_histories[:2], other_limit])


def test_6_1_rejects_a_small_model_that_beats_the_large_one(capacity_histories: list) -> None:
    def flat(history: keras.callbacks.History) -> keras.callbacks.History:
        fake = keras.callbacks.History()
        fake.set_model(history.model)
        fake.set_params(history.params)
        fake.epoch = list(history.epoch)
        fake.history = {key: [0.5] * len(values) for key, values in history.history.items()}
        return fake

    fails("높지 않습니다", check_capacity_histories, [flat(h) for h in capacity_histories])


# ---------------------------------------------------------------- 6-2 드롭아웃의 자리


def lesson_model() -> keras.Model:
    """7장 원래 강의의 모델: 소프트맥스 뒤에 드롭아웃, 그 뒤에 또 소프트맥스."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Flatten(),
            keras.layers.Dense(50, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
            keras.layers.Dropout(0.5),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="lesson_dropout_after_softmax",
    )


def test_6_2_notebook_fixed_model_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """solution("7-2")가 보여 주는 코드를 그대로 실행한 모델이 통과한다(풀이 문자열도 검사된다)."""
    from mnist_course.missions import TASKS

    namespace = {"keras": keras}
    exec(TASKS["7-2"].solution, namespace)
    fixed_model = namespace["fixed_model"]
    fixed_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    out = passes(capsys, "7-2", check_dropout_model, fixed_model)
    assert "자리와 비율" in out and "0.5" not in out and "Dense(50" not in out
    two = sequential(
        layers.Flatten(),
        layers.Dense(784, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.3),
        layers.Dense(10, activation="softmax"),
    )
    passes(capsys, "7-2", check_dropout_model, two)


def test_6_2_rejects_the_lesson_model_without_giving_the_answer() -> None:
    message = fails(r"드롭아웃이 소프트맥스\(softmax\) 층 바로 뒤에 있습니다.*원래 강의 모델의 실수", check_dropout_model, lesson_model())
    assert "Dense(10, softmax) → Dropout(0.5)" in message
    assert "Dense(50, relu) → Dropout(0.5) → Dense(10, softmax)" not in message


@pytest.mark.parametrize(
    ("stack", "match"),
    [
        (
            [layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax"), layers.Dropout(0.5)],
            "마지막 층이 드롭아웃",
        ),
        (
            [layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax")],
            r"드롭아웃\(Dropout\) 층이 없습니다",
        ),
        ([layers.Flatten(), layers.Dropout(0.5), layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax")], "입력 픽셀"),
        (
            [layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.9), layers.Dense(10, activation="softmax")],
            r"비율\(rate\) 값\(0.9\)이 너무 큽니다",
        ),
        (
            [layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.0), layers.Dense(10, activation="softmax")],
            "0이라 아무것도",
        ),
        (
            [
                layers.Flatten(),
                layers.Dense(50, activation="relu"),
                layers.Dropout(0.5),
                layers.Dense(10, activation="softmax"),
                layers.Dense(10, activation="softmax"),
            ],
            "출력층 말고도 소프트맥스",
        ),
        (
            [layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="relu")],
            "출력층의 활성화 함수",
        ),
        (
            [
                layers.Flatten(),
                layers.Dense(50, activation="relu"),
                layers.Dropout(0.5),
                layers.Dropout(0.5),
                layers.Dense(10, activation="softmax"),
            ],
            "드롭아웃 앞의 층이 Dropout",
        ),
    ],
    ids=["dropout-last", "no-dropout", "dropout-on-input", "rate-too-big", "rate-zero", "two-softmax", "output-relu", "double-dropout"],
)
def test_6_2_rejects_beginner_mistakes(stack: list, match: str) -> None:
    fails(match, check_dropout_model, sequential(*stack))


def test_6_2_checks_the_loss_when_compiled() -> None:
    model = compiled(
        sequential(layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="softmax")),
        loss="mse",
    )
    fails("평균 제곱 오차", check_dropout_model, model)


# ---------------------------------------------------------------- 7-1 멈춤 콜백


class StopAtAccuracy(keras.callbacks.Callback):
    """8장 풀이 그대로."""

    def __init__(self, target=0.99, key="acc"):
        super().__init__()
        self.target = target
        self.key = key

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.key not in logs:
            raise KeyError(
                f"학습 로그에 '{self.key}' 키가 없습니다. 지금 있는 키: {sorted(logs)}. "
                f"compile(metrics=[...])에 준 이름과 콜백의 key가 같아야 합니다."
            )
        if logs[self.key] >= self.target:
            print(f"에포크 {epoch + 1}: 훈련 정확도 {logs[self.key]:.4f}, 목표 {self.target:.0%}에 도달해 학습을 멈춥니다!")
            self.model.stop_training = True


class MyStopCallback(keras.callbacks.Callback):
    """8장 직접 해 보기 뼈대를 채운 답."""

    def on_epoch_end(self, epoch, logs=None):
        if "acc" not in logs:
            raise KeyError("acc")
        if logs["acc"] >= 0.99:
            print("정확도 99%에 도달해 학습을 멈춥니다!")
            self.model.stop_training = True


class NaiveStopCallback(keras.callbacks.Callback):
    """8장의 '조용히 실패하는 콜백' 그대로."""

    def on_epoch_end(self, epoch, logs=None):
        accuracy = logs.get("accuracy")
        if accuracy is not None and accuracy >= 0.99:
            self.model.stop_training = True


def _stop_class(condition: Any, *, missing: str = "raise", stop: str = "model", key: str = "acc") -> type:
    """흔한 실수 하나씩을 담은 콜백 클래스를 만든다."""

    class Wrong(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if key not in logs:
                if missing == "raise":
                    raise KeyError(key)
                return
            if condition(logs[key]):
                if stop == "raise":
                    raise RuntimeError("목표 정확도에 도달!")
                if stop == "self":
                    self.stop_training = True
                else:
                    self.model.stop_training = True

    return Wrong


def test_7_1_notebook_solutions_pass(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_training(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("7-1 검사기가 모델을 학습시켰습니다(fit)")

    monkeypatch.setattr(keras.Model, "fit", no_training)  # 아무것도 학습하지 않는다: 시간 대신 fit 호출 자체를 막는다
    out = passes(capsys, "8-1", check_stop_callback, StopAtAccuracy)
    assert "StopAtAccuracy" in out and "오류(KeyError)" in out
    assert "목표" not in out  # 학습자 콜백이 출력한 멈춤 메시지는 숨긴다
    passes(capsys, "8-1", check_stop_callback, MyStopCallback)
    passes(capsys, "8-1", check, "8-1", MyStopCallback)


@pytest.mark.parametrize(
    ("callback_class", "match"),
    [
        (NaiveStopCallback, r'"accuracy" 키를 읽고 있습니다.*logs.get\("accuracy"\)'),
        (_stop_class(lambda acc: acc > 99), r"퍼센트\(percent\).*0.99"),
        (_stop_class(lambda acc: acc > 99, key="accuracy", missing="ignore"), "두 가지가 틀렸습니다"),
        (_stop_class(lambda acc: acc > 0.99), "> 대신 >="),
        (_stop_class(lambda acc: acc >= 0.99, stop="raise"), r"오류\(RuntimeError\)를 내서 멈추려.*stop_training"),
        (_stop_class(lambda acc: acc >= 0.99, stop="self"), "self.stop_training에 값을 넣었습니다"),
        (_stop_class(lambda acc: acc >= 0.99, missing="ignore"), "loss만 있는 로그.*조용히 넘어갔습니다"),
        (_stop_class(lambda acc: acc >= 0.9), "0.95로 목표\\(0.99\\)보다 낮은데 학습을 멈췄습니다"),
        (_stop_class(lambda acc: acc >= 0.98), "0.989로 목표"),
        (_stop_class(lambda acc: acc >= 0.99, key="accuracy"), "KeyError가 났습니다"),
    ],
    ids=[
        "logs-get-accuracy",
        "percent",
        "percent-and-key",
        "strict-greater",
        "raise-to-stop",
        "self-stop",
        "silent-missing-key",
        "threshold-0.9",
        "threshold-0.98",
        "logs-accuracy-keyerror",
    ],
)
def test_7_1_rejects_beginner_mistakes(callback_class: type, match: str) -> None:
    fails(match, check_stop_callback, callback_class)


def test_7_1_rejects_accuracy_key_fallbacks() -> None:
    class Fallback(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            accuracy = logs.get("acc", logs.get("accuracy"))
            if accuracy is None:
                raise KeyError("acc")
            if accuracy >= 0.99:
                self.model.stop_training = True

    fails(r"'acc' 대신 'accuracy'가 있는 로그.*학습을 멈췄습니다", check_stop_callback, Fallback)


def test_7_1_rejects_wrong_shapes_of_callback() -> None:
    fails(r"클래스\(class\) 자체를 넘겨.*check_stop_callback\(StopAtAccuracy\)", check_stop_callback, StopAtAccuracy())
    fails("콜백 클래스가 아닙니다", check_stop_callback, lambda epoch, logs: None)

    class NotACallback:
        def on_epoch_end(self, epoch, logs=None):
            pass

    fails(r"keras.callbacks.Callback을 상속\(subclass\)", check_stop_callback, NotACallback)

    class Typo(keras.callbacks.Callback):
        def on_epoch_ends(self, epoch, logs=None):
            self.model.stop_training = True

    fails("on_epoch_end 메서드가 없습니다", check_stop_callback, Typo)

    class OneArgument(keras.callbacks.Callback):
        def on_epoch_end(self, logs):
            self.model.stop_training = True

    fails("Keras가 넘기는 인자를 받지 못합니다", check_stop_callback, OneArgument)

    class NeedsTarget(StopAtAccuracy):
        def __init__(self, target):
            super().__init__(target=target)

    fails("인자 없이 객체를 만들 수 없습니다.*기본값", check_stop_callback, NeedsTarget)


# ---------------------------------------------------------------- 8-1 CNN 미션


def chapter8_cnn() -> keras.Model:
    """9장의 CNN 그대로(파라미터 158,570개)."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(16, kernel_size=5, padding="valid", activation="relu", name="conv1"),
            keras.layers.MaxPooling2D(pool_size=2, name="pool1"),
            keras.layers.Conv2D(64, kernel_size=5, padding="valid", activation="relu", name="conv2"),
            keras.layers.MaxPooling2D(pool_size=2, name="pool2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(128, activation="relu", name="dense"),
            keras.layers.Dropout(0.5, name="dropout"),
            keras.layers.Dense(10, activation="softmax", name="output"),
        ],
        name="mnist_cnn",
    )


@pytest.fixture(scope="module")
def small_cnn() -> keras.Model:
    """풀이 예시의 작은 CNN (파라미터 36,330개)."""
    namespace = {"keras": keras}
    code = TASKS["9-1"].solution.split("small_cnn.compile")[0]
    exec(code, namespace)
    return namespace["small_cnn"]


def test_8_1_small_cnn_passes(capsys: pytest.CaptureFixture[str], small_cnn: keras.Model) -> None:
    assert small_cnn.count_params() == 36_330
    out = passes(capsys, "9-1", check_cnn_mission, small_cnn, 0.9941)
    assert "합성곱 층(Conv2D)" in out and "36,330" not in out and "50,000개 이하" in out
    passes(capsys, "9-1", check_cnn_mission, small_cnn, float(np.float32(0.992)))  # 경계값 포함: float32로 잰 99.2%도 통과
    passes(capsys, "9-1", check_cnn_mission, chapter8_cnn(), 0.9941, max_params=200_000)


@pytest.mark.parametrize(
    ("accuracy", "match"),
    [
        (99.4, r"퍼센트\(percent\)가 아니라.*0.992"),
        ([0.03, 0.994], r"evaluate는 \[손실, 정확도\]"),
        (0.991, r"테스트 정확도\(0.9910\)가 목표 0.992에 못 미칩니다"),
        (float("nan"), "NaN"),
        ("0.994", None),
        (-0.5, "0과 1 사이"),
    ],
    ids=["percent", "evaluate-list", "below-target", "nan", "string-ok", "negative"],
)
def test_8_1_accuracy_must_be_a_fraction(
    capsys: pytest.CaptureFixture[str], small_cnn: keras.Model, accuracy: Any, match: str | None
) -> None:
    if match is None:
        passes(capsys, "9-1", check_cnn_mission, small_cnn, accuracy)
    else:
        fails(match, check_cnn_mission, small_cnn, accuracy)


def test_8_1_rejects_beginner_models() -> None:
    message = fails("158,570개로 한도 50,000개를 넘습니다. 가장 큰 층은 dense", check_cnn_mission, chapter8_cnn(), 0.9945)
    assert "131,200개" in message
    fails(r"합성곱 층\(Conv2D\)이 하나도 없습니다", check_cnn_mission, dense_model(), 0.995)
    sigmoid_out = sequential(layers.Conv2D(8, 3), layers.GlobalAveragePooling2D(), layers.Dense(10, activation="sigmoid"))
    fails(r"소프트맥스\(softmax\)가 아닙니다", check_cnn_mission, sigmoid_out, 0.995)
    fails(
        r"출력 모양이 \(None, 2\)",
        check_cnn_mission,
        sequential(layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(2, activation="softmax")),
        0.995,
    )
    fails(
        "built=False",
        check_cnn_mission,
        keras.Sequential([layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(10, activation="softmax")]),
        0.995,
    )


# ---------------------------------------------------------------- 힌트, 풀이, 과제 목록


def test_task_ids() -> None:
    assert list(TASKS) == ["5-1", "5-2", "5-3", "6-1", "6-2", "7-1", "7-2", "8-1", "9-1"]
    assert check_stop_callback is missions.TASKS["8-1"].check
    assert issubclass(MissionCheckError, AssertionError)


@pytest.mark.parametrize("task_id", list(TASKS))
def test_hint_and_solution_are_shown_only_on_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, task_id: str
) -> None:
    monkeypatch.setattr(missions, "_hints_shown", {})
    first, second = TASKS[task_id].hints
    hint(task_id)
    shown = capsys.readouterr().out
    assert shown.startswith(f"힌트 1/2 [{task_id}] ") and first in shown and second not in shown
    assert f'hint("{task_id}") 한 번 더' in shown
    hint(task_id)  # 같은 과제로 다시 부르면 2단계
    shown = capsys.readouterr().out
    assert shown.startswith(f"힌트 2/2 [{task_id}] ") and second in shown and f'solution("{task_id}")' in shown
    code_lines = [line.strip() for line in TASKS[task_id].solution.splitlines() if len(line.strip()) > 25]
    assert not any(line in first + second for line in code_lines)  # 힌트에는 풀이 코드가 없다
    solution(task_id)
    shown = capsys.readouterr().out
    assert shown.startswith(f"풀이 [{task_id}] ") and TASKS[task_id].solution in shown


@pytest.mark.parametrize("task_id", ["5-1", "5-2", "6-1", "7-2", "8-1"])
def test_written_solutions_pass_their_own_check(capsys: pytest.CaptureFixture[str], task_id: str) -> None:
    namespace: dict[str, Any] = {"keras": keras, "build_base_model": build_base_model}
    exec(TASKS[task_id].solution, namespace)
    target = {
        "5-1": ("my_model",),
        "5-2": ("momentum_model",),
        "6-1": ("my_early_stop",),
        "7-2": ("fixed_model",),
        "8-1": ("MyStopCallback",),
    }[task_id]
    passes(capsys, task_id, check, task_id, *(namespace[name] for name in target))


@pytest.mark.parametrize("task_id", list(TASKS))
def test_first_hint_gives_the_idea_not_the_tools(task_id: str) -> None:
    """1단계 힌트에는 풀이가 쓰는 문자열 값("relu", "val_accuracy" …)도, keras의 클래스 이름도 없다."""
    answer = TASKS[task_id].solution
    tools = set(re.findall(r'"([A-Za-z_]{3,})"', answer)) | {name.rsplit(".", 1)[1] for name in re.findall(r"keras(?:\.\w+)+", answer)}
    first = TASKS[task_id].hints[0].lower()
    assert not [tool for tool in tools if tool.lower() in first]


def test_hint_level_can_be_chosen_and_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    hint("5-2", 2)
    assert capsys.readouterr().out.startswith("힌트 2/2 [5-2] ")
    hint("5-2", 1)
    assert capsys.readouterr().out.startswith("힌트 1/2 [5-2] ")
    for bad in (0, 3, True, "2"):
        with pytest.raises(ValueError, match=r'힌트 단계\(level\)는 1 또는 2입니다. 예: hint\("5-2", 2\)'):
            hint("5-2", bad)


def test_unknown_task_id_lists_the_valid_ones() -> None:
    for function in (hint, solution, check):
        with pytest.raises(ValueError, match="'9-9'라는 미션 과제는 없습니다. 있는 과제 번호: 5-1, 5-2, 5-3, 6-1"):
            function("9-9")
    hint(" 7-1 ")  # 앞뒤 공백은 봐준다


def test_import_and_hints_do_not_load_tensorflow() -> None:
    code = "import sys, mnist_course.missions as m; m.hint('8-1'); m.solution('5-1'); assert 'tensorflow' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)


@pytest.mark.parametrize("task_id", list(TASKS))
def test_unanswered_try_cell_gets_a_pointer_not_a_verdict(capsys: pytest.CaptureFixture[str], task_id: str) -> None:
    # 직접 해 보기 셀의 기본값(None)은 채점하지 않고, 무엇을 하면 되는지만 알려 준다
    check(task_id, None)
    shown = capsys.readouterr().out
    assert shown.startswith(f"아직 답이 없습니다 [{task_id}] ")
    assert f'hint("{task_id}")' in shown and "통과" not in shown
    # 직접 부르는 확인 함수는 None을 봐주지 않는다
    with pytest.raises(MissionCheckError):
        TASKS[task_id].check(None, *([0.995] if task_id == "9-1" else []))


def test_stop_callback_check_leaves_the_random_stream_alone() -> None:
    # 8장은 확인 셀 뒤에도 학습하므로, 확인 함수가 난수를 쓰면 그 뒤의 결과가 달라진다
    namespace: dict[str, Any] = {"keras": keras}
    exec(TASKS["8-1"].solution, namespace)
    keras.utils.set_random_seed(7)
    expected = keras.random.uniform((3,)).numpy()
    keras.utils.set_random_seed(7)
    with contextlib.redirect_stdout(io.StringIO()):
        check_stop_callback(namespace["MyStopCallback"])
    assert (keras.random.uniform((3,)).numpy() == expected).all()
