"""6장 미션 2(M2): 검증 정확도를 지켜보다 3 에포크 연달아 나아지지 않으면 멈추는 조기 종료의 채점."""

from __future__ import annotations

from typing import Any

import pytest

from mnist_course.missions import ch06
from tests.mission_kit import block_data, compiled, dense_model, fails, functional, keras, layers, passes, run_solution

EarlyStopping = keras.callbacks.EarlyStopping


@pytest.fixture(scope="module")
def data() -> Any:
    return block_data()


@pytest.fixture(autouse=True)
def small_train_size(monkeypatch: pytest.MonkeyPatch, data: Any) -> None:
    monkeypatch.setattr(ch06, "TRAIN_SIZE", len(data.x_train))


def run(data: Any, early_stop: Any, model: keras.Model | None = None, epochs: int = 50, batch_size: int = 256, **kwargs: Any) -> Any:
    """미션처럼 배치 256, 최대 50 에포크로 학습한다. early_stop이 None이면 콜백 없이."""
    keras.utils.set_random_seed(4)
    model = model or compiled(dense_model())
    kwargs.setdefault("validation_data", (data.x_val, data.y_val))
    callbacks = [early_stop] if early_stop is not None else []
    return model.fit(data.x_train, data.y_train, epochs=epochs, batch_size=batch_size, callbacks=callbacks, verbose=0, **kwargs)


def test_m2_accepts_every_correct_form(capsys: pytest.CaptureFixture[str], data: Any) -> None:
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    out = passes(capsys, "M2", stop, run(data, stop))
    assert "val_accuracy" not in out and "patience=3" not in out
    stop = EarlyStopping(monitor="val_acc", patience=3, mode="max", restore_best_weights=True)
    passes(capsys, "M2", stop, run(data, stop, compiled(dense_model(), metrics=["acc"])))
    stop = EarlyStopping(monitor="val_categorical_accuracy", patience=3)
    model = compiled(
        functional(layers.Flatten(), layers.Dense(50), layers.Activation("relu"), layers.Dense(10, "softmax")),
        metrics=[keras.metrics.CategoricalAccuracy()],
    )
    passes(capsys, "M2", stop, run(data, stop, model))
    passes(capsys, "M2", EarlyStopping(monitor="val_accuracy", patience=3))  # 학습 전에는 콜백만 본다


CALLBACK_MISTAKES = {
    "훈련 데이터\\(training data\\)에서 잰 값": EarlyStopping(monitor="accuracy", patience=3),
    "val_loss'도 쓸 수 있는 값이지만": EarlyStopping(monitor="val_loss", patience=3),
    "patience=2입니다. 목표는": EarlyStopping(monitor="val_accuracy", patience=2),
    "1 이상의 정수": EarlyStopping(monitor="val_accuracy"),
    "mode='min'": EarlyStopping(monitor="val_accuracy", patience=3, mode="min"),
    "min_delta=0.01입니다": EarlyStopping(monitor="val_accuracy", patience=3, min_delta=0.01),
    "학습 기록에 없는 이름": EarlyStopping(monitor="val_acuracy", patience=3),
    "클래스 자체": EarlyStopping,
    "콜백 목록\\(list\\)": [EarlyStopping(monitor="val_accuracy", patience=3)],
    "받은 것: 문자열 'val_accuracy'": "val_accuracy",
}


@pytest.mark.parametrize("match", CALLBACK_MISTAKES)
def test_m2_names_each_callback_mistake(match: str) -> None:
    fails(match, "M2", CALLBACK_MISTAKES[match])


def test_m2_monitor_must_match_the_compiled_metric(data: Any) -> None:
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    model = compiled(dense_model(), metrics=["acc"])
    fails("키는 'val_acc'입니다", "M2", stop, run(data, None, model, epochs=2))  # 이대로 fit하면 Keras가 먼저 멈춘다


def test_m2_checks_the_run(data: Any) -> None:
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    fails("fit에 넘겨진 적이 없습니다", "M2", stop, run(data, None, epochs=2))
    used = EarlyStopping(monitor="val_accuracy", patience=3)
    run(data, used, epochs=2)
    fails("다른 모델의 fit", "M2", used, run(data, None, epochs=2))
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    fails(r"최대 에포크 수\(fit의 epochs\)가 20", "M2", stop, run(data, stop, epochs=20))
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    fails("업데이트를 10번 했습니다", "M2", stop, run(data, stop, batch_size=32))
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    fails(r"History\)을 그대로", "M2", stop, run(data, stop, epochs=2).history)
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    fails("Dense 층이 2개|시그모이드", "M2", stop, run(data, stop, compiled(dense_model(activation="sigmoid")), epochs=2))


def test_m2_sees_a_run_that_did_not_stop_by_the_rule(data: Any) -> None:
    """조기 종료의 규칙(최고 기록 뒤 3 에포크)과 다른 때에 끝난 기록은 통과하지 못한다."""
    stop = EarlyStopping(monitor="val_accuracy", patience=3)
    history = run(data, stop)
    history.epoch = history.epoch[:-1]
    history.history = {key: values[:-1] for key, values in history.history.items()}
    fails("최고 기록 뒤로 3 에포크'에서 멈추지 않았습니다", "M2", stop, history)


def test_m2_solution_text_passes(capsys: pytest.CaptureFixture[str], data: Any) -> None:
    keras.utils.set_random_seed(5)
    names = run_solution("M2", {"data": data})
    passes(capsys, "M2", names["my_early_stop"], names["my_history"])
