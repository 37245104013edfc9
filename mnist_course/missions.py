"""미션 채점기: 학습자가 만든 객체(모델, 콜백, 학습 기록)를 직접 들여다보고 미션 조건을 확인한다.

확인 함수는 조건을 모두 만족하면 무엇을 확인했는지 한 줄("통과 ...")을 출력하고,
아니면 무엇이 틀렸는지와 고칠 방향을 담은 MissionCheckError를 낸다. 실패 메시지에는 풀이를 넣지 않는다.
힌트와 풀이는 hint("8-1"), solution("8-1")처럼 따로 부를 때만 보인다.

확인 함수는 아무것도 학습시키지 않는다(모델 구조, compile 설정, 콜백 동작, 학습 기록만 본다).
"""

from __future__ import annotations

import contextlib
import inspect
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import keras


class MissionCheckError(AssertionError):
    """미션 조건을 만족하지 못했을 때 나는 오류. 메시지는 무엇이 틀렸는지와 힌트를 담는다."""


# ---------------------------------------------------------------- 공통 도우미


def _keras() -> Any:
    """TensorFlow 시작 로그를 감춘 채 keras를 불러온다(이 모듈을 불러오는 것만으로는 TensorFlow를 읽지 않는다)."""
    from mnist_course.environment import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    return keras


def _fail(task_id: str, message: str) -> NoReturn:
    raise MissionCheckError(f'[미션 {task_id}] {message}\n더 자세한 힌트: hint("{task_id}")')


def _passed(task_id: str, message: str) -> None:
    print(f"통과 [{task_id}] {message}")


def _activation(layer: Any) -> str:
    """층의 활성화 함수 이름('relu', 'softmax', 활성화가 없으면 'linear')."""
    config = layer.get_config()
    name = config.get("activation", "linear")
    if isinstance(name, dict):  # 직접 만든 활성화 함수처럼 직렬화된 경우
        name = name.get("config", name.get("class_name", "?"))
    return str(name)


def _describe_layer(layer: Any) -> str:
    kind = type(layer).__name__
    if kind == "Dense":
        return f"Dense({layer.units}, {_activation(layer)})"
    if kind == "Dropout":
        return f"Dropout({layer.rate:g})"
    if kind == "Conv2D":
        return f"Conv2D({layer.filters}, {'×'.join(map(str, layer.kernel_size))}, {_activation(layer)})"
    return kind


def _describe(model: Any) -> str:
    return " → ".join(_describe_layer(layer) for layer in model.layers)


def _require_model(task_id: str, model: Any, what: str = "모델") -> None:
    keras = _keras()
    if isinstance(model, keras.callbacks.History):
        _fail(
            task_id, f"학습 기록(History)이 들어왔습니다. {what} 객체를 넘겨 주세요(fit의 결과가 아니라 keras.Sequential(...)로 만든 변수)."
        )
    if not isinstance(model, keras.Model):
        _fail(
            task_id,
            f"{what}이 keras 모델(keras.Model)이 아닙니다. 받은 것: "
            f"{type(model).__name__}. keras.Sequential([...])로 만든 변수를 넘겨 주세요.",
        )
    if not model.built:
        _fail(
            task_id,
            "모델의 입력 모양을 아직 모릅니다(built=False). 층 목록 맨 앞에 keras.Input(shape=(28, 28, 1))을 넣어 주세요.",
        )


def _compile_config(task_id: str, model: Any) -> dict:
    if not getattr(model, "compiled", False):
        _fail(task_id, "모델을 아직 compile하지 않았습니다. model.compile(optimizer=..., loss=..., metrics=[...])을 먼저 실행하세요.")
    return model.get_compile_config() or {}


def _config_name(entry: Any) -> str:
    """compile 설정에 적힌 손실·지표 하나의 이름: 'mse' 같은 문자열, 손실 객체, 함수 모두 snake_case 이름으로."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        config = entry.get("config")
        if isinstance(config, str):  # 함수(keras.losses.categorical_crossentropy)
            return config
        if isinstance(config, dict) and "name" in config:
            return str(config["name"])
        return str(entry.get("class_name", "?"))
    return str(getattr(entry, "name", getattr(entry, "__name__", entry)))


_LOSS_ALIASES = {"mse": "mean_squared_error", "mae": "mean_absolute_error"}


def _loss_name(config: dict) -> str:
    name = _config_name(config.get("loss"))
    return _LOSS_ALIASES.get(name, name)


def _metric_names(config: dict) -> list[str]:
    metrics = config.get("metrics") or []
    if isinstance(metrics, (str, dict)):
        metrics = [metrics]
    return [_config_name(m) for m in metrics]


def _from_logits(config: dict) -> bool:
    loss = config.get("loss")
    return isinstance(loss, dict) and isinstance(loss.get("config"), dict) and bool(loss["config"].get("from_logits"))


def _learning_rate(optimizer: Any) -> float | None:
    """고정 학습률이면 그 값, 학습률 스케줄(schedule)이면 None."""
    keras = _keras()
    lr = optimizer.learning_rate
    if isinstance(lr, keras.optimizers.schedules.LearningRateSchedule):
        return None
    return float(lr)


def _history_dict(task_id: str, history: Any) -> dict[str, list[float]]:
    keras = _keras()
    if isinstance(history, keras.callbacks.History):
        return history.history
    if isinstance(history, dict) and all(isinstance(v, (list, tuple)) for v in history.values()):
        return history
    if isinstance(history, keras.Model):
        _fail(task_id, "모델이 들어왔습니다. 학습 기록, 곧 history = model.fit(...)의 결과를 넘겨 주세요.")
    _fail(task_id, f"학습 기록(History)이 아닙니다. 받은 것: {type(history).__name__}. history = model.fit(...)의 결과를 넘겨 주세요.")


# ---------------------------------------------------------------- 5장, 7장: Dense 분류 모델

# evaluate가 돌려주는 정확도는 float32로 계산한 값이라 정확히 99.2%도 0.99199998처럼 조금 모자랄 수 있다.
ACCURACY_TOLERANCE = 1e-6
DATA_SHAPE = (28, 28, 1)  # prepare_mnist()가 만드는 이미지 한 장의 모양


def _check_input(task_id: str, model: Any) -> None:
    shape = tuple(model.input_shape[1:])
    if shape != DATA_SHAPE:
        _fail(
            task_id,
            f"입력 모양(input shape)이 {shape}입니다. 이 장의 데이터(data.x_train) 한 장은 {DATA_SHAPE} 모양이므로 "
            f"keras.Input(shape={DATA_SHAPE})으로 받아야 합니다.",
        )


def _check_flatten_first(task_id: str, model: Any) -> None:
    keras = _keras()
    first_dense = next((i for i, layer in enumerate(model.layers) if isinstance(layer, keras.layers.Dense)), None)
    if first_dense is None:
        _fail(task_id, f"Dense 층이 하나도 없습니다. 지금 모델: {_describe(model)}")
    if not any(isinstance(layer, keras.layers.Flatten) for layer in model.layers[:first_dense]):
        _fail(
            task_id,
            "첫 Dense 층 앞에 Flatten 층이 없습니다. Dense는 28×28 이미지를 784개 값의 한 줄로 편(flatten) 뒤에 받아야 합니다. "
            f"지금 모델: {_describe(model)}",
        )


def _check_output(task_id: str, model: Any) -> None:
    keras = _keras()
    last = model.layers[-1]
    if isinstance(last, keras.layers.Dropout):
        _fail(
            task_id,
            "모델의 마지막 층이 드롭아웃(Dropout)입니다. 마지막 층은 0~9 열 개의 확률을 내는 출력층(output layer)이어야 하고, "
            f"드롭아웃은 그 앞, 은닉층 쪽에 둡니다. 지금 모델: {_describe(model)}",
        )
    if not isinstance(last, keras.layers.Dense):
        _fail(task_id, f"마지막 층이 {type(last).__name__}입니다. 출력층은 Dense 층이어야 합니다. 지금 모델: {_describe(model)}")
    if last.units != 10:
        _fail(task_id, f"출력층(output layer)의 뉴런이 {last.units}개입니다. 숫자 0~9, 곧 클래스 10개마다 하나씩 있어야 합니다.")
    activation = _activation(last)
    if activation != "softmax":
        _fail(
            task_id,
            f"출력층의 활성화 함수(activation)가 {activation}입니다. 열 개의 값이 합이 1인 확률이 되도록 softmax를 써야 합니다.",
        )


def _check_hidden_activation(task_id: str, layer: Any, model: Any) -> None:
    activation = _activation(layer)
    if activation == "softmax":
        _fail(
            task_id,
            f"은닉층(hidden layer) {_describe_layer(layer)}에 소프트맥스(softmax)가 있습니다. 소프트맥스는 맨 마지막 출력층에만 씁니다. "
            f"은닉층에 쓰면 값들이 합이 1이 되도록 눌려 정보가 줄어듭니다. 지금 모델: {_describe(model)}",
        )
    if activation == "sigmoid":
        _fail(
            task_id,
            "은닉층의 활성화 함수가 시그모이드(sigmoid)입니다. 4장의 느린 모델 그대로입니다. 이 미션의 은닉층은 ReLU(relu)를 씁니다.",
        )
    if activation != "relu":
        _fail(task_id, f'은닉층의 활성화 함수가 {activation}입니다. 이 미션의 은닉층은 ReLU(activation="relu")를 씁니다.')


def _check_base_structure(task_id: str, model: Any, hidden_units: int = 50) -> None:
    """Flatten → Dense(hidden_units, relu) → Dense(10, softmax)인지 본다(5장 기본 모델)."""
    keras = _keras()
    _require_model(task_id, model)
    _check_input(task_id, model)
    _check_flatten_first(task_id, model)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) == 1:
        _fail(
            task_id,
            "Dense 층이 출력층 하나뿐이라 은닉층(hidden layer)이 없습니다. Flatten과 "
            f"출력층 사이에 은닉층 하나가 필요합니다. 지금 모델: {_describe(model)}",
        )
    _check_output(task_id, model)
    if len(dense) > 2:
        _fail(
            task_id,
            f"Dense 층이 {len(dense)}개입니다. 기본 모델은 은닉층 하나와 출력층 하나, 모두 두 개입니다. 지금 모델: {_describe(model)}",
        )
    others = [layer for layer in model.layers if not isinstance(layer, (keras.layers.Dense, keras.layers.Flatten))]
    if others:
        _fail(task_id, f"기본 모델에는 Flatten과 Dense 두 개만 있습니다. 빼야 할 층: {', '.join(map(_describe_layer, others))}")
    hidden = dense[0]
    _check_hidden_activation(task_id, hidden, model)
    if hidden.units < hidden_units:
        _fail(
            task_id,
            f"은닉층의 뉴런이 {hidden.units}개로 너무 적습니다(4장의 15개를 "
            "그대로 두지 않았나요?). 이 미션의 은닉층 뉴런 수를 다시 읽어 보세요.",
        )
    if hidden.units != hidden_units:
        _fail(task_id, f"은닉층의 뉴런이 {hidden.units}개입니다. 다른 장과 비교하려면 미션에 적힌 뉴런 수 그대로 만들어야 합니다.")


def _check_loss(task_id: str, config: dict) -> None:
    loss = _loss_name(config)
    if loss == "mean_squared_error":
        _fail(
            task_id,
            "손실 함수(loss)가 평균 제곱 오차(mean squared error)입니다. 4장이 느렸던 이유 중 하나입니다. "
            "원-핫 레이블로 분류할 때 쓰는 교차 엔트로피(cross-entropy) 손실로 바꾸세요.",
        )
    if loss == "sparse_categorical_crossentropy":
        _fail(
            task_id,
            "sparse_categorical_crossentropy는 레이블이 정수(예: 7)일 때 쓰는 손실입니다. "
            "이 장의 data.y_train은 길이 10의 원-핫(one-hot) 벡터이므로 sparse가 붙지 않은 이름을 씁니다.",
        )
    if loss != "categorical_crossentropy":
        _fail(task_id, f"손실 함수(loss)가 {loss}입니다. 원-핫 레이블, 10개 클래스 분류에 맞는 교차 엔트로피 손실을 쓰세요.")
    if _from_logits(config):
        _fail(task_id, "손실에 from_logits=True가 있습니다. 출력층이 이미 softmax로 확률을 내므로 from_logits는 False(기본값)여야 합니다.")


def _check_accuracy_metric(task_id: str, config: dict) -> None:
    names = _metric_names(config)
    if "accuracy" not in names:
        _fail(
            task_id,
            f'평가 지표(metrics)가 {names}입니다. metrics=["accuracy"]로 주어야 학습 '
            "기록에 accuracy와 val_accuracy가 남고, 그래프와 확인 셀이 그 이름을 씁니다.",
        )


def check_base_model(model: keras.Model) -> None:
    """미션 1-1(5-1): 기본 모델 Flatten → Dense(50, relu) → Dense(10, softmax)를 Adam과 교차 엔트로피로 compile했는지."""
    task = "5-1"
    _check_base_structure(task, model)
    config = _compile_config(task, model)
    _check_loss(task, config)
    optimizer = type(model.optimizer).__name__
    if optimizer == "SGD":
        _fail(task, "옵티마이저(optimizer)가 SGD입니다. 4장의 설정 그대로입니다. 이 미션의 세 번째 변경점인 옵티마이저를 다시 읽어 보세요.")
    if optimizer != "Adam":
        _fail(task, f"옵티마이저(optimizer)가 {optimizer}입니다. 이 미션은 가중치마다 학습률을 조절해 주는 Adam을 씁니다.")
    _check_accuracy_metric(task, config)
    _passed(
        task,
        "기본 모델: 층 구성, 손실 함수, 옵티마이저, 정확도 지표를 모두 확인했습니다.",
    )


def check_momentum_sgd(model: keras.Model | keras.optimizers.Optimizer) -> None:
    """미션 1-2(5-2): 모멘텀을 더한 SGD. compile한 모델(구조와 손실도 본다) 또는 옵티마이저 객체를 받는다."""
    task = "5-2"
    keras = _keras()
    if isinstance(model, keras.optimizers.Optimizer):
        optimizer = model
    else:
        _check_base_structure(task, model)
        config = _compile_config(task, model)
        _check_loss(task, config)
        optimizer = model.optimizer
    kind = type(optimizer).__name__
    if kind != "SGD":
        _fail(
            task,
            f"옵티마이저(optimizer)가 {kind}입니다. 이 미션은 확률적 경사 하강법(SGD)에 "
            "모멘텀(momentum)을 더한 keras.optimizers.SGD(...)를 씁니다.",
        )
    momentum = float(optimizer.momentum)
    if momentum <= 0:
        _fail(
            task,
            'SGD의 모멘텀(momentum)이 0입니다. optimizer="sgd"는 모멘텀이 없는 기본 설정입니다. '
            "keras.optimizers.SGD(...)를 직접 만들어 momentum 인자를 주세요.",
        )
    if momentum >= 1:
        _fail(
            task,
            f"모멘텀이 {momentum:g}입니다. 모멘텀은 '지난 업데이트를 얼마나 기억할지'라서 0보다 크고 1보다 작아야 합니다(흔히 0.1~0.9).",
        )
    lr = _learning_rate(optimizer)
    if lr is not None and not 1e-4 <= lr <= 0.5:
        size = "너무 커서 학습이 튈(발산할) 수 있습니다" if lr > 0.5 else "너무 작아서 10 에포크로는 거의 배우지 못합니다"
        _fail(task, f"학습률(learning rate)이 {lr:g}입니다. {size}. 미션에 적힌 학습률을 다시 확인하세요.")
    _passed(task, "옵티마이저: 모멘텀을 더한 SGD이고, 모멘텀과 학습률이 알맞은 범위에 있습니다.")


def check_base_history(history: keras.callbacks.History | dict, epochs: int = 10, min_val_accuracy: float = 0.95) -> None:
    """미션 1-1(5-3): 학습 기록에 검증 지표가 있고, epochs 에포크를 학습해 검증 정확도가 min_val_accuracy 이상인지."""
    task = "5-3"
    log = _history_dict(task, history)
    if "val_accuracy" not in log:
        if "accuracy" not in log:
            _fail(task, f'학습 기록에 accuracy가 없습니다(있는 키: {sorted(log)}). compile에 metrics=["accuracy"]를 주세요.')
        _fail(
            task,
            f"학습 기록에 검증 지표(val_accuracy, val_loss)가 없습니다(있는 키: {sorted(log)}). "
            "fit에 validation_data=(data.x_val, data.y_val)를 넘겼는지 확인하세요.",
        )
    ran = len(log["val_accuracy"])
    if ran != epochs:
        _fail(task, f"학습한 에포크가 {ran}개입니다. 이 미션은 {epochs} 에포크를 학습합니다(fit의 epochs 인자).")
    final = float(log["val_accuracy"][-1])
    if math.isnan(final) or final < min_val_accuracy - ACCURACY_TOLERANCE:
        _fail(
            task,
            f"마지막 검증 정확도({final:.4f})가 목표 {min_val_accuracy}보다 낮습니다. 은닉층 활성화 함수, 손실 함수, 옵티마이저 세 가지를 "
            "다시 골라 보세요. check(\"4-1\", 모델)로 모델 설정을 먼저 확인할 수 있습니다.",
        )
    _passed(task, f"학습 기록: 검증 데이터와 함께 {epochs} 에포크를 학습했고, 마지막 검증 정확도가 {min_val_accuracy} 이상입니다.")


# ---------------------------------------------------------------- 6장: 조기 종료


def _early_stopping_instance(task_id: str, early_stop: Any) -> Any:
    keras = _keras()
    early_stopping = keras.callbacks.EarlyStopping
    if early_stop is early_stopping:
        _fail(
            task_id,
            "EarlyStopping 클래스 자체가 들어왔습니다. keras.callbacks.EarlyStopping(monitor=..., "
            "patience=...)처럼 괄호와 인자를 넣어 만든 객체를 넘겨 주세요.",
        )
    if isinstance(early_stop, (list, tuple)):
        _fail(task_id, "콜백 목록(list)이 들어왔습니다. 목록 안의 EarlyStopping 객체 하나(예: my_early_stop)를 넘겨 주세요.")
    if not isinstance(early_stop, early_stopping):
        _fail(task_id, f"조기 종료 콜백(keras.callbacks.EarlyStopping)이 아닙니다. 받은 것: {type(early_stop).__name__}")
    return early_stop


def check_early_stopping(early_stop: keras.callbacks.EarlyStopping, model: keras.Model | None = None) -> None:
    """미션 2(6-1): EarlyStopping 설정. model(compile한 모델)을 주면 monitor 이름이 그 모델의 지표 이름과 맞는지도 본다."""
    task = "6-1"
    early_stop = _early_stopping_instance(task, early_stop)
    metric = "accuracy"  # 이 장의 compile은 metrics=["accuracy"]
    if model is not None:
        _require_model(task, model)
        names = _metric_names(_compile_config(task, model))
        metric = next((name for name in names if name in ("accuracy", "acc")), "")
        if not metric:
            _fail(
                task, f'모델의 평가 지표(metrics)가 {names}라 정확도가 학습 기록에 남지 않습니다. compile에 metrics=["accuracy"]를 주세요.'
            )
    expected = "val_" + metric
    monitor = early_stop.monitor
    if monitor in ("accuracy", "acc", "loss"):
        _fail(
            task,
            f"monitor='{monitor}'는 훈련 데이터(training data)에서 잰 값입니다. "
            "훈련 성적은 외울수록 계속 좋아지므로 과대적합(overfitting)을 알아채지 못합니다. "
            "처음 보는 검증 데이터(validation data)에서 잰 값을 지켜보세요. Keras는 검증 지표 이름 앞에 val_을 붙입니다.",
        )
    if monitor in ("val_acc", "val_accuracy") and monitor != expected:
        _fail(
            task,
            f"monitor='{monitor}'이지만 compile에 metrics=[\"{metric}\"]를 주었으므로 학습 기록의 키는 '{expected}'입니다. "
            "Keras 3에서는 compile에 적은 지표 이름 그대로 키가 됩니다(8장). 이름이 다르면 조기 종료가 지켜볼 값을 찾지 못합니다.",
        )
    if monitor == "val_loss":
        _fail(
            task, "monitor='val_loss'도 쓸 수 있는 값이지만, 이 미션은 검증 정확도를 지켜봅니다. 미션에 적힌 monitor 값을 다시 읽어 보세요."
        )
    if monitor != expected:
        _fail(
            task,
            f"monitor='{monitor}'는 학습 기록에 없는 이름입니다. 이 모델의 학습 기록에는 loss, {metric}, val_loss, {expected}가 남습니다.",
        )
    patience = early_stop.patience
    if not isinstance(patience, int) or patience < 1:
        _fail(
            task,
            f"patience={patience!r}입니다. patience는 '나아지지 않는 에포크를 연달아 몇 번까지 참을지'라서 1 이상의 정수여야 합니다. "
            "0이면 검증 정확도가 조금만 흔들려도 바로 멈춥니다.",
        )
    if patience > 10:
        _fail(
            task,
            f"patience 값({patience})이 너무 커서 최대 50 에포크 안에 "
            "멈추기 어렵고 쓸데없는 에포크를 많이 돕니다. 미션에 적힌 값을 확인하세요.",
        )
    if early_stop.mode == "min":
        _fail(task, "mode='min'은 '작아질수록 좋은 값'(손실 같은)에 씁니다. 정확도는 클수록 좋으므로 mode를 빼거나(auto) 'max'로 두세요.")
    if early_stop.min_delta > 0.01:
        _fail(
            task,
            f"min_delta 값({early_stop.min_delta:g})이 너무 큽니다. 검증 "
            "정확도가 한 에포크에 그만큼 오르는 일은 드물어서 금방 멈춥니다. 빼거나 0으로 두세요.",
        )
    note = (
        " restore_best_weights=True라서 멈출 때 가장 좋았던 가중치로 되돌립니다."
        if early_stop.restore_best_weights
        else " (더 해 보기: restore_best_weights=True를 주면 가장 좋았던 에포크의 가중치로 되돌립니다.)"
    )
    _passed(
        task,
        f"조기 종료(EarlyStopping): 지켜보는 지표, 참을성(patience), 방향(mode)이 모두 알맞습니다.{note}",
    )


def check_early_stopping_history(history: keras.callbacks.History, early_stop: keras.callbacks.EarlyStopping | None = None) -> None:
    """미션 2(6-2): 조기 종료로 학습한 기록. 검증 지표가 있고, 최대 에포크를 다 채우기 전에 멈췄는지.

    early_stop을 주면 그 콜백이 실제로 이 fit에 넘겨졌는지도 본다.
    """
    task = "6-2"
    keras = _keras()
    if isinstance(history, dict):
        _fail(
            task, "history.history(딕셔너리)가 아니라 fit이 돌려준 history 자체를 넘겨 주세요. 최대 에포크 수는 history.params에 있습니다."
        )
    if not isinstance(history, keras.callbacks.History):
        _history_dict(task, history)  # 무엇이 들어왔는지 알려 주며 실패한다
    log = history.history
    if not any(key.startswith("val_") for key in log):
        _fail(
            task,
            f"학습 기록에 검증 지표가 없습니다(있는 키: {sorted(log)}). fit에 "
            "validation_data=(data.x_val, data.y_val)를 넘기지 않았습니다. "
            "검증 정확도가 없으면 EarlyStopping(monitor='val_accuracy')은 지켜볼 값이 없어 경고만 내고 멈추지 않습니다.",
        )
    monitor = "val_accuracy"
    if early_stop is not None:
        early_stop = _early_stopping_instance(task, early_stop)
        monitor = early_stop.monitor
        if early_stop.model is None:
            _fail(task, "이 EarlyStopping 객체는 fit에 넘겨진 적이 없습니다. fit(..., callbacks=[...])의 목록에 넣어 주세요.")
        if early_stop.model is not history.model:
            _fail(
                task,
                "이 EarlyStopping 객체는 이 학습 기록과 다른 모델의 fit에 "
                "쓰였습니다. 모델, 콜백, fit을 한 셀에서 차례로 다시 실행해 보세요.",
            )
    if monitor not in log:
        _fail(
            task,
            f"학습 기록에 조기 종료가 지켜볼 '{monitor}'가 없습니다(있는 키: "
            f"{sorted(log)}). monitor 이름과 compile의 지표 이름을 비교해 보세요.",
        )
    max_epochs = (history.params or {}).get("epochs")
    ran = len(history.epoch)
    if max_epochs is not None and ran >= max_epochs:
        if max_epochs < 20:
            reason = (
                f"최대 에포크 수(epochs={max_epochs})가 작아서 멈출 때가 오기 전에 끝났습니다. 미션에 적힌 최대 에포크 수를 확인하세요."
            )
        elif early_stop is not None:
            reason = "콜백은 넘겼지만 멈출 조건이 오지 않았습니다. patience가 너무 크지 않은지 확인하세요."
        else:
            reason = "fit에 callbacks=[...]로 조기 종료 콜백을 넘겼는지, patience가 너무 크지 않은지 확인하세요."
        _fail(task, f"최대 에포크({max_epochs})를 다 채울 때까지 학습이 멈추지 않았습니다. {reason}")
    _passed(task, f"조기 종료 학습 기록: 검증 지표({monitor})가 있고, 최대 에포크를 다 채우기 전에 학습이 멈췄습니다.")


# ---------------------------------------------------------------- 7장: 용량과 드롭아웃


def _hidden_units(model: Any) -> list[int]:
    keras = _keras()
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    return [layer.units for layer in dense[:-1]]


def check_capacity_histories(histories: list | dict, units: tuple[int, ...] = (1, 15, 784)) -> None:
    """미션 3-1(7-1): 은닉층 뉴런 수만 바꾼 모델들을 조기 종료로 각자 멈출 때까지 학습한 기록.

    histories는 fit 결과(History)의 목록(뉴런 수 순서대로) 또는 {뉴런 수: History} 딕셔너리다.
    각 기록의 모델(history.model)에서 은닉층 뉴런 수를, history.params에서 최대 에포크 수를 읽어
    모델마다 최대 에포크를 다 채우기 전에(조기 종료로) 멈췄는지 본다.
    """
    task = "7-1"
    keras = _keras()
    if isinstance(histories, keras.callbacks.History):
        _fail(task, f"학습 기록이 하나만 들어왔습니다. 뉴런 수 {list(units)}마다 하나씩, {len(units)}개를 목록(list)에 모아 넘겨 주세요.")
    if isinstance(histories, dict):
        keys, items = list(histories), list(histories.values())
    elif isinstance(histories, (list, tuple)):
        keys, items = None, list(histories)
    else:
        _fail(task, f"학습 기록 목록(list)이 아닙니다. 받은 것: {type(histories).__name__}")
    for h in items:
        if isinstance(h, dict):
            _fail(
                task,
                "history.history(딕셔너리)가 아니라 fit이 돌려준 학습 기록(History)을 그대로 넣어 주세요. "
                "모델과 최대 에포크 수(history.params)는 History에만 남습니다.",
            )
        if not isinstance(h, keras.callbacks.History):
            _history_dict(task, h)  # 무엇이 들어왔는지 알려 주며 실패한다
        if h.model is None:
            _fail(task, "모델이 없는 학습 기록입니다. history = model.fit(...)이 돌려준 것을 그대로 넣어 주세요.")
    if len(items) != len(units):
        _fail(task, f"학습 기록이 {len(items)}개입니다. 뉴런 수 {list(units)}마다 하나씩 {len(units)}개가 필요합니다.")
    found = [_hidden_units(h.model) for h in items]
    found = [u[0] if len(u) == 1 else tuple(u) for u in found]
    if found != list(units):
        _fail(task, f"모델들의 은닉층 뉴런 수가 {found}입니다. 미션은 은닉층 하나의 뉴런 수만 {list(units)} 순서로 바꿉니다.")
    if keys is not None and keys != found:
        _fail(
            task, f"딕셔너리의 키 {keys}와 학습 기록 속 모델의 은닉층 뉴런 수 {found}가 다릅니다. {{뉴런 수: 학습 기록}} 모양으로 모으세요."
        )
    for n, h in zip(units, items, strict=True):
        log = h.history
        if "val_loss" not in log:
            _fail(
                task,
                f"뉴런 {n}개 모델의 학습 기록에 검증 지표(val_loss)가 없습니다. "
                "fit에 validation_data=(x_val_small, y_val_small)를 넘겨 주세요. 검증 손실이 없으면 조기 종료도 지켜볼 값이 없습니다.",
            )
        max_epochs = (h.params or {}).get("epochs")
        if max_epochs is not None and len(h.epoch) >= max_epochs:
            _fail(
                task,
                f"뉴런 {n}개 모델이 최대 에포크({max_epochs})를 다 채울 때까지 멈추지 않았습니다. 모델마다 필요한 만큼 학습하려면 "
                "fit에 callbacks=[조기 종료 콜백]을 넘기고, 최대 에포크 수(epochs)를 넉넉히 주세요(미션: 1000).",
            )
    limits = {((h.params or {}).get("epochs"), (h.params or {}).get("steps")) for h in items}
    if len(limits) > 1:
        _fail(
            task,
            "세 모델의 학습 조건이 다릅니다(최대 에포크 수나 에포크당 배치 수). 뉴런 수만 바꾸고, 데이터(x_small, y_small), "
            "배치 크기 256, 최대 에포크 수, 조기 종료 설정은 세 모델 모두 같게 주세요.",
        )
    small, large = max(items[0].history["accuracy"]), max(items[-1].history["accuracy"])
    if not large > small:
        _fail(
            task,
            f"뉴런 {units[-1]}개 모델의 훈련 정확도가 {units[0]}개 "
            "모델보다 높지 않습니다. 용량이 큰 모델이 훈련 데이터를 더 잘 맞혀야 합니다. "
            "모델마다 새로 만들었는지(같은 모델을 이어서 학습하지 않았는지) 확인하세요.",
        )
    _passed(
        task,
        f"용량 실험: 뉴런 {', '.join(map(str, units))}개 모델을 같은 조건에서 검증 데이터와 함께 학습했고, "
        "모두 최대 에포크를 채우기 전에 조기 종료로 멈췄으며, 큰 모델의 훈련 정확도가 더 높습니다.",
    )


def check_dropout_model(model: keras.Model, max_rate: float = 0.8) -> None:
    """미션 3-2(7-2): 드롭아웃이 은닉층 뒤에 있고, 소프트맥스 출력층(Dense(10, softmax))이 맨 끝에 하나만 있는지."""
    task = "7-2"
    keras = _keras()
    _require_model(task, model)
    _check_input(task, model)
    _check_flatten_first(task, model)
    layers = model.layers
    drops = [i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.Dropout)]
    if not drops:
        _fail(task, f"드롭아웃(Dropout) 층이 없습니다. keras.layers.Dropout(비율)을 층 목록에 끼워 넣으세요. 지금 모델: {_describe(model)}")
    _check_output(task, model)  # 마지막 층이 Dropout이면 여기서 걸린다
    for i in drops:
        prev = layers[i - 1]
        if isinstance(prev, keras.layers.Dense) and _activation(prev) == "softmax":
            _fail(
                task,
                f"드롭아웃이 소프트맥스(softmax) 층 바로 뒤에 있습니다: {_describe_layer(prev)} → {_describe_layer(layers[i])}. "
                "소프트맥스가 낸 10칸에는 이미 답(확률)이 담겨 있어서, 드롭아웃이 답이 담긴 칸을 지워 버립니다(원래 강의 모델의 실수). "
                f"드롭아웃이 무엇을 지워야 하는지 생각하며 층 순서를 다시 정하세요. 지금 모델: {_describe(model)}",
            )
    dense = [layer for layer in layers if isinstance(layer, keras.layers.Dense)]
    for layer in dense[:-1]:
        if _activation(layer) == "softmax":
            _fail(
                task,
                f"출력층 말고도 소프트맥스(softmax)를 쓰는 층이 있습니다: {_describe_layer(layer)}. 소프트맥스는 맨 끝 출력층에만 씁니다. "
                f"지금 모델: {_describe(model)}",
            )
    for i in drops:
        prev = layers[i - 1]
        if isinstance(prev, keras.layers.Flatten):
            _fail(
                task,
                "드롭아웃이 Flatten 바로 뒤, 곧 입력 픽셀에 걸려 있습니다. 이 "
                "미션에서는 은닉층(hidden layer)이 만든 특징에 드롭아웃을 겁니다. "
                f"지금 모델: {_describe(model)}",
            )
        if not isinstance(prev, keras.layers.Dense):
            _fail(
                task,
                f"드롭아웃 앞의 층이 {_describe_layer(prev)}입니다. 드롭아웃은 "
                f"은닉층(Dense) 바로 뒤에 둡니다. 지금 모델: {_describe(model)}",
            )
        rate = float(layers[i].rate)
        if rate <= 0:
            _fail(task, "드롭아웃 비율(rate)이 0이라 아무것도 지우지 않습니다. 0과 1 사이의 비율(예: 지울 몫)을 주세요.")
        if rate > max_rate:
            _fail(
                task,
                f"드롭아웃 비율(rate) 값({rate:g})이 너무 큽니다. 특징을 거의 다 지우면 "
                f"배우지 못합니다. {max_rate:g} 이하(흔히 0.2~0.5)로 두세요.",
            )
    if getattr(model, "compiled", False):
        _check_loss(task, model.get_compile_config() or {})
    _passed(task, "드롭아웃 모델: 드롭아웃의 자리와 비율, 출력층을 모두 확인했습니다.")


# ---------------------------------------------------------------- 8장: 정확도 99%에서 멈추는 콜백

TARGET_ACCURACY = 0.99


def _tiny_model() -> Any:
    keras = _keras()
    # 0으로 초기화해 난수를 쓰지 않는다: 노트북에서 확인 셀을 실행해도 뒤이은 학습의 난수 흐름이 그대로다.
    dense = keras.layers.Dense(2, activation="softmax", kernel_initializer="zeros")
    model = keras.Sequential([keras.Input(shape=(4,)), dense], name="mission_check_tiny")
    model.stop_training = False
    return model


def _new_callback(task_id: str, callback_class: type) -> tuple[Any, Any]:
    """콜백 객체를 인자 없이 만들고 작은 모델에 붙인다: fit이 하는 일과 같다."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            callback = callback_class()
    except TypeError as error:
        _fail(
            task_id,
            f"{callback_class.__name__}()처럼 인자 없이 객체를 만들 수 없습니다({error}). "
            "__init__이 인자를 받는다면 target=0.99처럼 기본값(default)을 주세요.",
        )
    except Exception as error:  # noqa: BLE001 - 학습자 코드의 어떤 오류든 알려 준다
        _fail(task_id, f"{callback_class.__name__}()로 객체를 만드는 중에 오류가 났습니다: {type(error).__name__}: {error}")
    model = _tiny_model()
    try:
        callback.set_model(model)
    except Exception as error:  # noqa: BLE001
        _fail(
            task_id,
            f"콜백에 모델을 붙이는 set_model에서 오류가 났습니다: {type(error).__name__}: {error}. "
            "__init__을 직접 만들었다면 맨 앞에서 super().__init__()을 불렀는지 확인하세요.",
        )
    return callback, model


def _epoch_end(callback: Any, model: Any, logs: dict, epoch: int = 0) -> tuple[bool, Exception | None]:
    """on_epoch_end를 한 번 부르고 (학습을 멈추라고 했는지, 난 오류)를 돌려준다. 학습자 콜백의 출력은 숨긴다."""
    error = None
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            callback.on_epoch_end(epoch, dict(logs))
        except Exception as caught:  # noqa: BLE001
            error = caught
    return bool(getattr(model, "stop_training", False)), error


def _logs(accuracy: float, key: str = "acc") -> dict[str, float]:
    """metrics=["acc"]로 compile한 모델의 에포크 로그 모양(Keras 3)."""
    return {key: accuracy, "loss": round(1.0 - accuracy, 4)}


def _explain_no_stop(task_id: str, callback_class: type, callback: Any, at: str) -> NoReturn:
    """정확도가 목표 이상인데 멈추지 않은 까닭을 몇 가지 흔한 실수로 짚어 본다."""
    if callback.__dict__.get("stop_training"):
        _fail(
            task_id,
            f"{at}에서 self.stop_training에 값을 넣었습니다. 그것은 콜백 자신의 속성이라 학습에 아무 영향이 없습니다. "
            "학습을 멈추는 스위치는 콜백이 붙은 모델(self.model) 쪽에 있습니다.",
        )
    for logs, message in [
        (
            _logs(0.995, key="accuracy"),
            'logs에서 "accuracy" 키를 읽고 있습니다. metrics=["acc"]로 compile하면 Keras 3의 로그에는 "accuracy"가 없고 "acc"만 있습니다. '
            'logs.get("accuracy")는 오류 없이 None을 돌려주므로 콜백이 조용히 아무것도 하지 않습니다.',
        ),
        (
            _logs(99.5),
            "정확도를 99 같은 퍼센트(percent) 값과 비교하고 있습니다(예: > 99). logs의 정확도는 0~1 사이의 비율(fraction)이라, "
            "99%는 0.99입니다.",
        ),
        (
            _logs(99.5, key="accuracy"),
            '두 가지가 틀렸습니다. "accuracy" 키를 읽고 있고(metrics=["acc"]라면 '
            '키는 "acc"), 정확도를 99 같은 퍼센트 값과 비교합니다(99%는 0.99).',
        ),
    ]:
        probe, model = _new_callback(task_id, callback_class)
        stopped, error = _epoch_end(probe, model, logs)
        if stopped and error is None:
            _fail(task_id, f"{at}에서 학습을 멈추지 않았습니다. {message}")
    _fail(
        task_id,
        f"{at}에서 학습을 멈추지 않았습니다. on_epoch_end에서 logs['acc']가 0.99 이상이면 self.model.stop_training을 True로 두어야 합니다.",
    )


def check_stop_callback(callback_class: type) -> None:
    """8장(8-1): 훈련 정확도가 99%에 닿으면 학습을 멈추는 콜백 클래스를 시험한다.

    클래스를 인자 없이 만들어 작은 모델에 붙이고, metrics=["acc"]일 때 Keras 3가 넘기는 모양의 로그
    ({"acc": ..., "loss": ...})로 on_epoch_end를 직접 부른다. 아무것도 학습시키지 않는다.
    """
    task = "8-1"
    keras = _keras()
    base = keras.callbacks.Callback
    if not isinstance(callback_class, type):
        if isinstance(callback_class, base):
            name = type(callback_class).__name__
            _fail(
                task,
                f"콜백 객체(instance)가 들어왔습니다. 클래스(class) 자체를 넘겨 주세요: check_stop_callback({name})처럼 괄호 없이 씁니다. "
                f"검사기가 {name}()로 새 객체를 만들어 시험합니다.",
            )
        _fail(
            task,
            f"콜백 클래스가 아닙니다. 받은 것: {type(callback_class).__name__}. "
            "class ...(keras.callbacks.Callback):으로 만든 클래스를 넘겨 주세요.",
        )
    name = callback_class.__name__
    if not issubclass(callback_class, base):
        _fail(
            task,
            f"{name} 클래스가 keras.callbacks.Callback을 상속(subclass)하지 않습니다. class "
            f"{name}(keras.callbacks.Callback):처럼 괄호 안에 부모 클래스를 적으세요.",
        )
    if callback_class.on_epoch_end is base.on_epoch_end:
        _fail(
            task,
            f"{name}에 on_epoch_end 메서드가 없습니다. 에포크가 끝날 때마다 불리는 메서드 "
            "이름은 on_epoch_end(self, epoch, logs=None)입니다(철자 확인).",
        )
    try:
        inspect.signature(callback_class.on_epoch_end).bind(None, 0, {})
    except TypeError:
        _fail(
            task,
            "on_epoch_end가 Keras가 넘기는 인자를 받지 못합니다. Keras는 on_epoch_end(epoch, "
            "logs)처럼 두 값을 넘기므로 def on_epoch_end(self, epoch, logs=None):로 정의하세요.",
        )
    except ValueError:
        pass  # 서명을 읽을 수 없는 특이한 경우는 실제로 불러 보며 확인한다

    # 1) 목표보다 낮은 에포크들에서는 계속, 정확히 0.99인 에포크에서 멈춰야 한다(fit처럼 한 객체로 차례로).
    callback, model = _new_callback(task, callback_class)
    for epoch, accuracy in enumerate([0.95, 0.989]):
        stopped, error = _epoch_end(callback, model, _logs(accuracy), epoch)
        if isinstance(error, KeyError):
            _fail(
                task,
                f'로그에 없는 키를 읽다가 KeyError가 났습니다: {error}. metrics=["acc"]로 '
                "compile하면 Keras 3가 넘기는 logs의 키는 ['acc', 'loss']입니다.",
            )
        if error is not None:
            _fail(
                task,
                f"정확도 {accuracy}(목표 아래)인 에포크에서 오류가 났습니다: "
                f"{type(error).__name__}: {error}. 목표 아래에서는 아무 일 없이 넘어가야 합니다.",
            )
        if stopped:
            _fail(task, f"정확도가 {accuracy}로 목표(0.99)보다 낮은데 학습을 멈췄습니다. 비교하는 기준값과 부등호 방향을 확인하세요.")
    stopped, error = _epoch_end(callback, model, _logs(TARGET_ACCURACY), 2)
    if error is not None:
        high, high_model = _new_callback(task, callback_class)
        if _epoch_end(high, high_model, _logs(0.995))[1] is not None:
            _fail(
                task,
                f"정확도가 목표 이상일 때 오류({type(error).__name__})를 내서 멈추려 "
                "했습니다. 오류를 내면 fit 전체가 실패로 끝나고 결과(history)도 받지 못합니다. "
                "학습은 오류가 아니라 self.model.stop_training = True로 멈춥니다.",
            )
        _fail(task, f"정확도가 정확히 0.99인 에포크에서 오류가 났습니다: {type(error).__name__}: {error}")
    if not stopped:
        high, high_model = _new_callback(task, callback_class)
        if _epoch_end(high, high_model, _logs(0.995)) == (True, None):
            _fail(
                task,
                "정확도가 0.995일 때는 멈추는데 정확히 0.99일 때는 멈추지 않습니다. "
                "'99%에 닿으면'은 0.99도 포함하므로 > 대신 >=로 비교하세요.",
            )
        _explain_no_stop(task, callback_class, high, "정확도가 0.99, 0.995인 에포크")

    # 2) 키가 없으면 조용히 넘어가지 말고 오류를 내야 한다(chapter 7: 분명하게 실패하기).
    for logs, what in [({"loss": 0.02}, "loss만 있는"), (_logs(0.995, key="accuracy"), "'acc' 대신 'accuracy'가 있는")]:
        probe, probe_model = _new_callback(task, callback_class)
        stopped, error = _epoch_end(probe, probe_model, logs)
        if error is None:
            action = "학습을 멈췄습니다" if stopped else "조용히 넘어갔습니다"
            _fail(
                task,
                f"{what} 로그({sorted(logs)})를 받았는데 오류 없이 {action}. 키가 없으면 logs.get()처럼 조용히 넘어가지 말고, "
                "찾던 키와 실제로 있는 키를 알려 주는 오류를 내세요. 그래야 compile의 지표 이름이 다를 때 바로 알아챌 수 있습니다.",
            )
    _passed(
        task,
        f"멈춤 콜백 {name}: 99% 전에는 학습을 이어 가고, 99%에 닿으면 멈추며, "
        f"지표 키가 없으면 오류({type(error).__name__})를 냅니다 — 모두 확인했습니다.",
    )


# ---------------------------------------------------------------- 9장: CNN 미션


def _all_layers(model: Any) -> list[Any]:
    layers = []
    for layer in model.layers:
        layers.append(layer)
        if hasattr(layer, "layers"):
            layers.extend(_all_layers(layer))
    return layers


def _accuracy_value(task_id: str, test_accuracy: Any) -> float:
    if isinstance(test_accuracy, (list, tuple)):
        _fail(
            task_id,
            f"값이 {len(test_accuracy)}개인 목록이 들어왔습니다. evaluate는 [손실, 정확도]를 돌려주므로 "
            "test_loss, test_accuracy = model.evaluate(...)처럼 나눠 받아 정확도만 넘겨 주세요.",
        )
    try:
        value = float(test_accuracy)
    except (TypeError, ValueError):
        _fail(task_id, f"테스트 정확도(test accuracy)가 숫자가 아닙니다. 받은 것: {type(test_accuracy).__name__}")
    if math.isnan(value):
        _fail(task_id, "테스트 정확도가 NaN(숫자가 아님)입니다. 학습 중 손실이 발산하지 않았는지 확인하세요.")
    if 1 < value <= 100:
        _fail(
            task_id,
            f"테스트 정확도가 {value:g}입니다. 퍼센트(percent)가 아니라 evaluate가 "
            "돌려주는 0~1 사이의 비율(fraction)로 넘겨 주세요(99.2%는 0.992).",
        )
    if not 0 <= value <= 1:
        _fail(task_id, f"테스트 정확도가 {value:g}입니다. 정확도는 0과 1 사이의 값입니다.")
    return value


def check_cnn_mission(model: keras.Model, test_accuracy: float, *, max_params: int = 50_000, min_accuracy: float = 0.992) -> None:
    """9장(9-1): 합성곱 층이 있는 모델이 파라미터 max_params개 이하로 테스트 정확도 min_accuracy 이상을 냈는지.

    test_accuracy는 model.evaluate(x_test, y_test)가 돌려준 정확도(0~1)다. 확인 함수는 평가를 다시 하지 않는다.
    """
    task = "9-1"
    keras = _keras()
    accuracy = _accuracy_value(task, test_accuracy)
    _require_model(task, model)
    convs = [layer for layer in _all_layers(model) if isinstance(layer, keras.layers.Conv2D)]
    if not convs:
        _fail(task, f"합성곱 층(Conv2D)이 하나도 없습니다. 이 미션은 CNN, 곧 합성곱 층이 있는 모델로 풉니다. 지금 모델: {_describe(model)}")
    if tuple(model.output_shape[1:]) != (10,):
        _fail(task, f"모델의 출력 모양이 {model.output_shape}입니다. 숫자 0~9의 확률 10개, 곧 (None, 10)이어야 합니다.")
    last = model.layers[-1]
    kind = type(last).__name__
    if not (kind == "Softmax" or (kind in ("Dense", "Activation") and _activation(last) == "softmax")):
        _fail(
            task,
            f"마지막 층({_describe_layer(last)})이 소프트맥스(softmax)가 아닙니다. "
            '출력층은 Dense(10, activation="softmax")처럼 확률을 내야 합니다.',
        )
    params = model.count_params()
    if params > max_params:
        biggest = max(model.layers, key=lambda layer: layer.count_params())
        _fail(
            task,
            f"파라미터(parameter)가 {params:,}개로 한도 {max_params:,}개를 넘습니다. "
            f"가장 큰 층은 {biggest.name}({_describe_layer(biggest)}, "
            f"{biggest.count_params():,}개)입니다. 어느 층이 파라미터를 많이 쓰는지 model.summary()로 보고 줄여 보세요.",
        )
    if accuracy < min_accuracy - ACCURACY_TOLERANCE:
        _fail(
            task,
            f"테스트 정확도({accuracy:.4f})가 목표 {min_accuracy}에 못 미칩니다. 모델 "
            "구조는 조건을 지켰으니 학습 설정(에포크 수, 학습률 스케줄, 배치 크기)을 바꿔 보세요.",
        )
    _passed(
        task,
        f"CNN 미션: 합성곱 층(Conv2D), 파라미터 수({max_params:,}개 이하), 10개 클래스 출력, "
        f"테스트 정확도({min_accuracy} 이상)를 모두 확인했습니다.",
    )


# ---------------------------------------------------------------- 과제 목록, 힌트, 풀이


@dataclass(frozen=True)
class MissionTask:
    """미션 과제 하나: 확인 함수, 두 단계 힌트(1: 생각할 거리, 2: 쓸 도구), 풀이(코드 문자열)."""

    task_id: str
    title: str
    check: Callable[..., None]
    hints: tuple[str, str]
    solution: str


_TASKS = [
    MissionTask(
        "5-1",
        "미션 1-1: 기본 모델 만들기",
        check_base_model,
        (
            """4장 끝에서 짚은 느린 까닭을 떠올리세요. 은닉층 뉴런은 50개로 늘리고, 나머지 세 가지를 고릅니다.
- 활성화 함수: 입력이 커도 기울기가 0에 가까워지지 않는 것.
- 손실 함수: 확률을 내는 분류 모델에 맞는 것.
- 옵티마이저: 가중치마다 업데이트 크기를 알아서 맞춰 주는 것.""",
            """은닉층 뉴런을 50개로 늘리고, 4장의 설정 세 가지를 하나씩 바꿉니다(이름은 모두 소문자 문자열로 줍니다).
- 은닉층의 활성화 함수(activation): 음수는 0으로 자르고 양수는 그대로 내보내는 ReLU입니다.
- 손실 함수(loss): data.y_train이 원-핫 벡터인 분류이므로 교차 엔트로피(cross-entropy) 가운데 범주형(categorical) 쪽,
  그리고 이름에 sparse가 붙지 않은 쪽입니다(sparse는 레이블이 정수일 때).
- 옵티마이저(optimizer): 가중치마다 업데이트 크기를 알아서 맞추는 Adam입니다.
출력층은 10개 확률의 합이 1이 되게 하는 softmax 그대로입니다. 확인: check("5-1", my_model)""",
        ),
        """my_model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="my_model",
)
my_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])""",
    ),
    MissionTask(
        "5-2",
        "미션 1-2: 모멘텀을 더한 SGD",
        check_momentum_sgd,
        (
            """문자열 이름 하나로는 학습률과 모멘텀을 바꿀 수 없습니다. 옵티마이저를 직접 만들어 두 값을 넘기세요.
두 값은 미션 1-2의 두 번째 항목에 적혀 있습니다.""",
            """optimizer="sgd"는 모멘텀(momentum)이 0인 기본 설정입니다. 모멘텀을 주려면 문자열 대신
keras.optimizers.SGD(...) 객체를 직접 만들어 learning_rate와 momentum 두 인자를 줍니다.
두 값은 미션 1-2의 두 번째 항목에 적혀 있습니다. 확인: check("5-2", my_momentum_model)""",
        ),
        """momentum_model = build_base_model("my_momentum")
momentum_model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.1),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)""",
    ),
    MissionTask(
        "5-3",
        "미션 1-1: 기본 모델의 학습 기록",
        check_base_history,
        (
            """학습 기록에 검증 성적이 남으려면, fit이 학습하는 동안 검증 데이터를 알고 있어야 합니다.""",
            """학습 기록(history)에 val_accuracy가 있으려면 fit에 validation_data=(검증 이미지, 검증 레이블)를 넘겨야 합니다.
epochs=10, batch_size=32로 학습하고, 검증 정확도가 낮다면 먼저 check("5-1", my_model)로 모델 설정을 확인하세요.
확인: check("5-3", my_history)""",
        ),
        """my_history = my_model.fit(
    data.x_train, data.y_train, epochs=10, batch_size=32,
    validation_data=(data.x_val, data.y_val), verbose=2,
)""",
    ),
    MissionTask(
        "6-1",
        "미션 2: 조기 종료 콜백 설정",
        check_early_stopping,
        (
            """정할 것은 두 가지입니다. 무엇을 지켜볼지(monitor)와, 나아지지 않는 에포크를 몇 번 참을지(patience).
둘 다 미션의 목표에 적혀 있습니다.""",
            """- monitor: 훈련 데이터가 아니라 검증 데이터에서 잰 정확도를 지켜봅니다. Keras는 검증 지표 이름 앞에 val_을 붙이고,
  지표 이름은 compile(metrics=[...])에 적은 그대로입니다.
- patience: 나아지지 않는 에포크를 연달아 몇 번 참을지입니다. 미션에 적힌 값을 쓰세요(0은 안 됩니다).
- mode는 주지 않아도 됩니다(auto). 정확도는 클수록 좋은 값입니다.
확인: check("6-1", my_early_stop, my_model)""",
        ),
        """my_early_stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3, verbose=1)""",
    ),
    MissionTask(
        "6-2",
        "미션 2: 조기 종료로 학습한 기록",
        check_early_stopping_history,
        (
            """조기 종료 객체를 만들기만 해서는 아무 일도 일어나지 않습니다.
fit이 그 객체를 알아야 하고, 지켜볼 검증 성적이 있어야 하고, 멈출 기회가 있도록 에포크를 넉넉히 줘야 합니다.""",
            """조기 종료가 동작하려면 세 가지가 모두 필요합니다.
- fit에 validation_data를 넘겨 검증 지표가 학습 기록에 남게 합니다.
- fit의 callbacks 목록에 조기 종료 객체를 넣습니다.
- 최대 에포크 수(epochs)를 넉넉히 줍니다(미션: 50). 배치 크기는 256입니다.
확인: check("6-2", my_history, my_early_stop)""",
        ),
        """my_history = my_model.fit(
    data.x_train, data.y_train, epochs=50, batch_size=256,
    validation_data=(data.x_val, data.y_val), callbacks=[my_early_stop], verbose=2,
)""",
    ),
    MissionTask(
        "7-1",
        "미션 3-1: 용량 바꿔 보기",
        check_capacity_histories,
        (
            """세 모델은 은닉층의 뉴런 수만 다릅니다. 뉴런 수를 바꿔 가며 반복문으로 모델을 만들고 학습하세요.
언제 멈출지는 조기 종료에 맡깁니다.""",
            """반복문 안에서 모델을 매번 새로 만들고, 은닉층 Dense의 뉴런 수 자리에 반복 변수(units)를 넣습니다.
- 조기 종료 콜백도 모델마다 새로 만듭니다. 지켜볼 값은 검증 손실("val_loss"), patience=5, restore_best_weights=True입니다.
- fit에는 callbacks=[my_early_stop]를 넘기고, 최대 에포크 수는 넉넉히(epochs=1000) 줍니다. 몇 에포크에서 멈출지는 콜백이 정합니다.
- 세 모델 모두 같은 조건(배치 256, 검증 데이터 x_val_small, y_val_small)으로 학습해야 비교할 수 있습니다.
확인: check("7-1", my_histories)""",
        ),
        """my_histories = []
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
        "7-2",
        "미션 3-2: 드롭아웃을 제자리에",
        check_dropout_model,
        (
            """층 순서를 한 줄씩 읽으며 각 층이 내놓는 것이 무엇인지 생각해 보세요.
드롭아웃이 지우는 것이 '특징'이어야 하는지 '답'이어야 하는지가 열쇠입니다.""",
            """층 순서를 한 줄씩 읽으며 각 층이 내놓는 것이 무엇인지 생각해 보세요.
- 소프트맥스(softmax) 층의 출력은 이미 '답'(클래스별 확률)입니다. 거기를 지우면 답을 지우는 셈입니다.
- 드롭아웃은 모델이 특징을 만드는 자리, 곧 은닉층(hidden layer) 뒤에 둡니다.
- 소프트맥스 출력층은 맨 끝에 하나만 있으면 됩니다.
확인: check("7-2", my_fixed_model)""",
        ),
        """fixed_model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Flatten(),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="dropout_after_hidden",
)""",
    ),
    MissionTask(
        "8-1",
        "8장: 정확도 99%에서 멈추는 콜백",
        check_stop_callback,
        (
            """에포크가 끝날 때마다 불리는 메서드 하나로 충분합니다.
그 안에서 학습 로그의 정확도를 읽어 99%와 비교하고, 닿았으면 학습을 멈추게 하세요.""",
            """- keras.callbacks.Callback을 상속하고 on_epoch_end(self, epoch, logs=None)를 정의합니다.
- metrics=["acc"]로 compile했으므로 로그의 키는 "acc"입니다. 그 키가 logs에 없으면 raise KeyError(...)로 분명하게 실패하세요.
- 99%는 0.99이고, '닿으면'이므로 정확히 0.99일 때도 멈춰야 합니다.
- 학습은 오류를 내서가 아니라 콜백이 붙은 모델의 stop_training 속성을 True로 바꿔 멈춥니다.
확인: check("8-1", MyStopCallback)  ← 괄호 없이 클래스 자체를 넘깁니다.""",
        ),
        """class MyStopCallback(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if "acc" not in logs:
            raise KeyError(f"학습 로그에 'acc' 키가 없습니다. 지금 있는 키: {sorted(logs)}")
        if logs["acc"] >= 0.99:
            print("정확도 99%에 도달해 학습을 멈춥니다!")
            self.model.stop_training = True""",
    ),
    MissionTask(
        "9-1",
        "9장 도전 미션: 파라미터 50,000개 이하로 99.2%",
        check_cnn_mission,
        (
            """파라미터가 어느 층에 몰려 있는지부터 보세요. model.summary()가 층마다 개수를 알려 줍니다.
합성곱 층은 가중치를 공유해서 가볍습니다.""",
            """이 장의 CNN은 파라미터가 158,570개이고, 그중 131,200개가 Flatten 뒤의 Dense(128) 층에 있습니다.
합성곱 층은 가중치를 공유해서 가볍습니다. 파라미터를 어디에서 아낄 수 있을지 model.summary()로 층별 개수를 보며 생각해 보세요.
학습 설정(Adam + 코사인 감쇠, 배치 128의 train_batches)은 이 장의 것을 그대로 써도 됩니다.
정확도는 evaluate가 돌려주는 0~1 사이 값을 그대로 넘깁니다. 확인: check("9-1", my_cnn, my_accuracy)""",
        ),
        """# 한 가지 예: 이 장의 CNN에서 Dense(128) 층을 빼면 파라미터가 36,330개가 됩니다.
small_cnn = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant"),
        keras.layers.Conv2D(16, kernel_size=5, activation="relu"),
        keras.layers.MaxPooling2D(pool_size=2),
        keras.layers.Conv2D(64, kernel_size=5, activation="relu"),
        keras.layers.MaxPooling2D(pool_size=2),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="small_cnn",
)
small_cnn.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"], steps_per_execution=16)
small_cnn.fit(train_batches, epochs=EPOCHS, shuffle=False, verbose=0)
_, small_accuracy = small_cnn.evaluate(x_test, y_test, verbose=0)
check("9-1", small_cnn, small_accuracy)""",
    ),
]
TASKS: dict[str, MissionTask] = {task.task_id: task for task in _TASKS}


def _task(task_id: str) -> MissionTask:
    key = str(task_id).strip()
    if key not in TASKS:
        raise ValueError(f"{task_id!r}라는 미션 과제는 없습니다. 있는 과제 번호: {', '.join(TASKS)}")
    return TASKS[key]


_hints_shown: dict[str, int] = {}  # 과제마다 지금까지 보여 준 가장 높은 힌트 단계


def hint(task_id: str, level: int | None = None) -> None:
    """과제의 힌트를 출력한다(풀이는 보여 주지 않는다).

    처음 부르면 1단계(생각할 거리), 같은 과제로 다시 부르면 2단계(쓸 도구와 값)를 보여 준다. level=1 또는 2로 단계를 고를 수도 있다.
    """
    task = _task(task_id)
    if level is None:
        level = min(_hints_shown.get(task.task_id, 0) + 1, len(task.hints))
    elif isinstance(level, bool) or level not in range(1, len(task.hints) + 1):
        raise ValueError(f'hint("{task.task_id}", {level!r}): 힌트 단계(level)는 1 또는 2입니다. 예: hint("{task.task_id}", 2)')
    _hints_shown[task.task_id] = max(_hints_shown.get(task.task_id, 0), level)
    more = f'더 구체적인 힌트: hint("{task.task_id}") 한 번 더' if level < len(task.hints) else f'풀이 코드: solution("{task.task_id}")'
    print(f"힌트 {level}/{len(task.hints)} [{task.task_id}] {task.title}\n{task.hints[level - 1]}\n({more})")


def solution(task_id: str) -> None:
    """과제의 풀이 코드(한 가지 예)를 출력한다. 먼저 직접 풀어 본 다음에 보세요."""
    task = _task(task_id)
    print(f"풀이 [{task.task_id}] {task.title}\n{task.solution}")


def check(task_id: str, *args: Any, **kwargs: Any) -> None:
    """과제 번호로 확인 함수를 부른다. 예: check("8-1", MyStopCallback)는 check_stop_callback(MyStopCallback)과 같다.

    첫 인자가 None이면(직접 해 보기 셀을 아직 채우지 않았으면) 채점하지 않고 무엇을 하면 되는지만 알려 준다.
    """
    task = _task(task_id)
    if not args or args[0] is None:
        print(
            f"아직 답이 없습니다 [{task.task_id}] {task.title}: 확인할 변수가 None입니다. "
            "위의 주석(#)을 풀고 ...를 채워 실행한 뒤 이 줄을 다시 실행하세요. "
            f'막히면 hint("{task.task_id}"), 풀이는 solution("{task.task_id}")'
        )
        return
    task.check(*args, **kwargs)


__all__ = [
    "TASKS",
    "MissionCheckError",
    "MissionTask",
    "check",
    "check_base_history",
    "check_base_model",
    "check_capacity_histories",
    "check_cnn_mission",
    "check_dropout_model",
    "check_early_stopping",
    "check_early_stopping_history",
    "check_momentum_sgd",
    "check_stop_callback",
    "hint",
    "solution",
]
