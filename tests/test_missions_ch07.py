"""7장 미션 3: M3-1(뉴런 1, 15, 784개의 용량 실험)과 M3-2(드롭아웃을 제자리에)의 채점."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mnist_course.missions import ch07
from mnist_course.missions._common import describe
from tests.mission_kit import block_data, compiled, dense_model, fails, functional, keras, layers, passes, run_solution, sequential

tf_nn = pytest.importorskip("tensorflow").nn


@pytest.fixture(scope="module")
def tiny() -> tuple[np.ndarray, np.ndarray]:
    """가짜 데이터 32장(에포크마다 배치 하나). 검증 레이블을 한 칸씩 밀어 두어, 훈련 레이블을 외울수록 검증 손실이 오른다."""
    rng = np.random.default_rng(0)
    x = rng.random((32, 28, 28, 1), dtype=np.float32)
    return x, keras.utils.to_categorical(rng.integers(0, 10, 32), 10)


@pytest.fixture(autouse=True)
def small_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ch07, "SMALL_SIZE", 32)


def capacity_run(units: int, tiny: tuple, *, model: keras.Model | None = None, patience: int = 5, epochs: int = 1000, **fit: Any) -> Any:
    """7장 직접 해 보기의 반복문 한 번(학습률만 키워 몇 에포크 만에 멈추게 한다: 채점기는 Adam의 학습률을 묻지 않는다)."""
    x, y = tiny
    keras.utils.set_random_seed(units)
    model = model or compiled(dense_model(units), optimizer=keras.optimizers.Adam(0.05))
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    fit.setdefault("validation_data", (x, np.roll(y, 1, axis=0)))
    fit.setdefault("callbacks", [stop])
    fit.setdefault("batch_size", 256)
    return model.fit(x, y, epochs=epochs, verbose=0, **fit)


@pytest.fixture(scope="module")
def histories(tiny: tuple) -> list[Any]:
    found = [capacity_run(1, tiny), capacity_run(15, tiny, model=compiled(dense_model(15), keras.optimizers.Adam(0.05), metrics=["acc"]))]
    found.append(capacity_run(784, tiny))
    assert all(len(h.epoch) < 100 for h in found)
    return found


def test_m3_1_accepts_any_order_and_form(capsys: pytest.CaptureFixture[str], histories: list) -> None:
    out = passes(capsys, "M3-1", histories)
    assert "val_loss" not in out and "patience" not in out
    passes(capsys, "M3-1", list(reversed(histories)))
    passes(capsys, "M3-1", {784: histories[2], 1: histories[0], 15: histories[1]})


def test_m3_1_names_each_mistake(histories: list, tiny: tuple) -> None:
    fails("하나만 들어왔습니다", "M3-1", histories[0])
    fails("학습 기록이 2개", "M3-1", histories[:2])
    fails("뉴런이 15개인 모델이 두 번", "M3-1", [histories[0], histories[1], capacity_run(15, tiny)])
    fails(r"은닉층 뉴런 수가 \[1, 15, 50\]", "M3-1", [histories[0], histories[1], capacity_run(50, tiny)])
    fails(r"History\)을 그대로", "M3-1", [h.history for h in histories])
    fails("Adam으로 학습해야", "M3-1", [histories[0], histories[1], capacity_run(784, tiny, model=compiled(dense_model(784), "rmsprop"))])
    fails(
        "relu를 씁니다",
        "M3-1",
        [capacity_run(1, tiny, model=compiled(dense_model(1, "tanh"), keras.optimizers.Adam(0.05))), *histories[1:]],
    )
    fails("학습 기록 목록\\(list\\)이 아닙니다", "M3-1", "my_histories")


def test_m3_1_checks_each_run(histories: list, tiny: tuple) -> None:
    no_val = capacity_run(15, tiny, epochs=3, validation_data=None, callbacks=[])
    fails(r"뉴런 15개 모델의 학습 기록에 검증 손실\(val_loss\)이 없습니다", "M3-1", [histories[0], no_val, histories[2]])
    fixed = capacity_run(1, tiny, epochs=15, callbacks=[])
    fails(r"뉴런 1개 모델의 최대 에포크 수\(fit의 epochs\)가 15", "M3-1", [fixed, *histories[1:]])
    impatient = capacity_run(784, tiny, patience=2)
    fails("최저 기록 뒤로 5 에포크'에서 멈추지 않았습니다", "M3-1", [*histories[:2], impatient])
    small_batches = capacity_run(784, tiny, batch_size=16)
    fails("업데이트를 2번 했습니다", "M3-1", [*histories[:2], small_batches])
    again = capacity_run(1, tiny, model=histories[0].model)  # 같은 모델 객체로 이어서 학습
    fails("같은 모델을 이어서", "M3-1", [histories[0], histories[1], again])


def test_m3_1_large_model_must_fit_the_training_data_better(histories: list) -> None:
    def flat(history: Any) -> Any:
        fake = keras.callbacks.History()
        fake.set_model(history.model)
        fake.set_params(history.params)
        fake.epoch = list(history.epoch)
        fake.history = {key: ([0.5] * len(values) if "acc" in key else values) for key, values in history.history.items()}
        return fake

    fails("높지 않습니다", "M3-1", [flat(h) for h in histories])


def test_m3_1_solution_text_passes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = block_data(n=320, seed=7)
    data.x_val, data.y_val = data.x_train[:80], np.roll(data.y_train[:80], 1, axis=0)  # 외울수록 검증 손실이 오르게
    monkeypatch.setattr(ch07, "SMALL_SIZE", 320)
    keras.utils.set_random_seed(6)
    names = run_solution("M3-1", {"data": data})
    passes(capsys, "M3-1", names["my_histories"])


# ---------------------------------------------------------------- M3-2


CORRECT_DROPOUT = {
    "책의 풀이": lambda: sequential(
        layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="softmax")
    ),
    "함수형 + Activation 층": lambda: functional(
        layers.Flatten(), layers.Dense(50), layers.Activation("relu"), layers.Dropout(0.5), layers.Dense(10), layers.Softmax()
    ),
    "tf.nn.relu, compile까지": lambda: compiled(
        sequential(
            layers.Flatten(), layers.Dense(50, activation=tf_nn.relu), layers.Dropout(rate=0.5), layers.Dense(10, activation=tf_nn.softmax)
        )
    ),
}


@pytest.mark.parametrize("name", CORRECT_DROPOUT)
def test_m3_2_accepts_every_correct_model(capsys: pytest.CaptureFixture[str], name: str) -> None:
    out = passes(capsys, "M3-2", CORRECT_DROPOUT[name]())
    assert "Dense(50" not in out and "0.5" not in out


def lesson_model() -> keras.Model:
    """7장 원래 강의의 모델: 소프트맥스 뒤에 드롭아웃, 그 뒤에 또 소프트맥스."""
    return sequential(
        layers.Flatten(),
        layers.Dense(50, activation="relu"),
        layers.Dense(10, activation="softmax"),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    )


DROPOUT_MISTAKES = {
    "드롭아웃이 소프트맥스\\(softmax\\) 바로 뒤": lesson_model,
    "드롭아웃 비율\\(rate\\)이 0.2": lambda: sequential(
        layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.2), layers.Dense(10, activation="softmax")
    ),
    "은닉층이 Dense\\(128, relu\\)": lambda: sequential(
        layers.Flatten(), layers.Dense(128, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="softmax")
    ),
    "Flatten 바로 뒤": lambda: sequential(
        layers.Flatten(), layers.Dropout(0.5), layers.Dense(50, activation="relu"), layers.Dense(10, activation="softmax")
    ),
    "드롭아웃\\(Dropout\\) 층이 없습니다": lambda: dense_model(),
    "마지막 층이 드롭아웃": lambda: sequential(layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5)),
    "은닉층 Dense 하나, 드롭아웃 하나": lambda: sequential(
        layers.Flatten(),
        layers.Dense(50, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(50, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ),
    "평균 제곱 오차": lambda: compiled(
        sequential(layers.Flatten(), layers.Dense(50, activation="relu"), layers.Dropout(0.5), layers.Dense(10, activation="softmax")),
        loss="mse",
    ),
    "keras 모델\\(keras.Model\\)이 아닙니다. 받은 것: list": lambda: [layers.Flatten(), layers.Dropout(0.5)],
}


@pytest.mark.parametrize("match", DROPOUT_MISTAKES)
def test_m3_2_names_each_mistake(match: str) -> None:
    model = DROPOUT_MISTAKES[match]()
    message = fails(match, "M3-2", model)
    if not isinstance(model, list) and "Dense(50, relu) → Dropout" not in describe(model):
        assert "Dense(50, relu) → Dropout" not in message  # 실패 메시지는 고친 순서를 보여 주지 않는다(학습자의 모델에 있을 때만)


def test_m3_2_solution_text_passes(capsys: pytest.CaptureFixture[str]) -> None:
    passes(capsys, "M3-2", run_solution("M3-2", {})["my_fixed_model"])
