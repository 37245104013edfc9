"""미션 채점기들이 함께 쓰는 도우미: 실패·통과 메시지, 모델 구조 읽기, compile 설정과 학습 기록 읽기.

채점기는 학습자의 답을 '책의 풀이와 같은 철자인가'가 아니라 '미션의 목표를 지켰나'로 본다.
그래서 여기의 도우미는 쓰는 방법이 달라도 뜻이 같은 것을 같은 것으로 읽는다.

- Sequential과 함수형(functional) 모델: 입력층(InputLayer)은 층 목록에서 뺀다.
- Dense(50, activation="relu")와 Dense(50) 뒤의 Activation("relu")·ReLU(): 같은 '은닉층 Dense(50, relu)'로 읽는다.
- 문자열과 객체: "adam"과 keras.optimizers.Adam(), "categorical_crossentropy"와 keras.losses.CategoricalCrossentropy(),
  "relu"와 tf.nn.relu, "softmax"와 tf.nn.softmax는 같은 것으로 읽는다.
- 정확도 지표: "accuracy", "acc", "categorical_accuracy", keras.metrics.CategoricalAccuracy() 모두 정확도다.
  학습 기록에서는 그 이름 그대로의 키(예: "acc", "val_acc")를 찾는다.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn


class MissionCheckError(AssertionError):
    """미션 조건을 만족하지 못했을 때 나는 오류. 메시지는 무엇이 틀렸는지와 고칠 방향을 담는다(풀이는 담지 않는다)."""


@dataclass(frozen=True)
class MissionTask:
    """미션 과제 하나: 번호, 제목, 확인 함수, 두 단계 힌트(1: 생각할 거리, 2: 쓸 도구), 풀이(코드 문자열)."""

    task_id: str
    title: str
    check: Callable[..., None]
    hints: tuple[str, str]
    solution: str


def keras_module() -> Any:
    """TensorFlow 시작 로그를 감춘 채 keras를 불러온다(미션 모듈을 불러오는 것만으로는 TensorFlow를 읽지 않는다)."""
    from mnist_course.environment import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    return keras


def fail(task_id: str, message: str) -> NoReturn:
    raise MissionCheckError(f'[미션 {task_id}] {message}\n더 자세한 힌트: hint("{task_id}")')


def passed(task_id: str, message: str) -> None:
    print(f"통과 [{task_id}] {message}")


def kind_of(value: Any) -> str:
    """받은 값이 무엇인지 학습자에게 보여 줄 이름."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"참거짓 값 {value}"
    if isinstance(value, str):
        return f"문자열 {value!r}"
    if isinstance(value, type):
        return f"클래스 {value.__name__}"
    return type(value).__name__


# ---------------------------------------------------------------- 모델 구조


def activation_name(function: Any) -> str:
    """활성화 함수의 이름: "relu", "softmax", 없으면 "linear". tf.nn.softmax(이름 softmax_v2)도 "softmax"다."""
    if function is None:
        return "linear"
    name = function if isinstance(function, str) else getattr(function, "__name__", type(function).__name__)
    name = name.lower()
    name = name[: -len("_v2")] if name.endswith("_v2") else name
    return {"silu": "swish"}.get(name, name)


@dataclass
class Step:
    """모델을 앞에서부터 읽은 한 단계: 종류("dense", "flatten", "dropout", "conv", 그 밖의 층 이름)와 값들."""

    kind: str
    layer: Any
    units: int = 0
    activation: str = "linear"
    rate: float = 0.0

    def describe(self) -> str:
        if self.kind == "dense":
            return f"Dense({self.units}, {self.activation})"
        if self.kind == "dropout":
            return f"Dropout({self.rate:g})"
        if self.kind == "conv":
            size = "×".join(map(str, self.layer.kernel_size))
            return f"{type(self.layer).__name__}({self.units}, {size}, {self.activation})"
        return "Flatten" if self.kind == "flatten" else self.kind


def _standalone_activation(keras: Any, layer: Any) -> str | None:
    """활성화만 하는 층(Activation, ReLU, Softmax …)이면 그 이름, 아니면 None."""
    if isinstance(layer, keras.layers.Activation):
        return activation_name(layer.activation)
    if isinstance(layer, keras.layers.ReLU):
        config = layer.get_config()
        plain = not config.get("max_value") and not config.get("negative_slope") and not config.get("threshold")
        return "relu" if plain else "relu(변형)"
    if isinstance(layer, keras.layers.Softmax):
        return "softmax"
    if isinstance(layer, keras.layers.LeakyReLU):
        return "leaky_relu"
    return None


def flat_layers(model: Any) -> list[Any]:
    """모델 안의 층을 앞에서부터(안에 든 Sequential도 펼쳐서). 입력층(InputLayer)은 뺀다."""
    keras = keras_module()
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        if isinstance(layer, keras.Model):
            found.extend(flat_layers(layer))
        else:
            found.append(layer)
    return found


def steps(model: Any) -> list[Step]:
    """모델을 뜻대로 읽는다. 선형(linear) Dense·Conv 바로 뒤의 활성화 층은 그 층의 활성화 함수로 합친다."""
    keras = keras_module()
    result: list[Step] = []
    for layer in flat_layers(model):
        standalone = _standalone_activation(keras, layer)
        if standalone is not None:
            if result and result[-1].kind in ("dense", "conv") and result[-1].activation == "linear":
                result[-1].activation = standalone
            else:
                result.append(Step(f"activation({standalone})", layer, activation=standalone))
        elif isinstance(layer, keras.layers.Dense):
            result.append(Step("dense", layer, units=layer.units, activation=activation_name(layer.activation)))
        elif isinstance(layer, keras.layers.Flatten):
            result.append(Step("flatten", layer))
        elif isinstance(layer, keras.layers.Dropout):
            result.append(Step("dropout", layer, rate=float(layer.rate)))
        elif isinstance(layer, keras.layers.Conv2D):
            result.append(Step("conv", layer, units=layer.filters, activation=activation_name(layer.activation)))
        else:
            result.append(Step(type(layer).__name__, layer))
    return result


def describe(model: Any) -> str:
    return " → ".join(step.describe() for step in steps(model)) or "(층 없음)"


def require_model(task_id: str, model: Any, what: str = "모델") -> None:
    """keras 모델이고 입력 모양을 아는지(built). 아니면 받은 것이 무엇인지 알려 주며 실패한다."""
    keras = keras_module()
    if isinstance(model, keras.callbacks.History):
        fail(task_id, f"학습 기록(History)이 들어왔습니다. {what}을 넘겨 주세요(fit의 결과가 아니라 모델을 담은 변수).")
    if isinstance(model, type) and issubclass(model, keras.Model):
        fail(task_id, f"모델 클래스 {model.__name__}가 들어왔습니다. 만든 모델 객체를 넘겨 주세요.")
    if not isinstance(model, keras.Model):
        fail(
            task_id,
            f"{what}이 keras 모델(keras.Model)이 아닙니다. 받은 것: {kind_of(model)}. keras.Sequential([...])로 만든 변수를 넘겨 주세요.",
        )
    if not model.built:
        fail(task_id, "모델의 입력 모양을 아직 모릅니다(built=False). 층 목록 맨 앞에 keras.Input(shape=...)을 넣어 주세요.")


def check_input_shape(task_id: str, model: Any, shape: tuple[int, ...]) -> None:
    found = tuple(model.input_shape[1:]) if not isinstance(model.input_shape, list) else None
    if found != shape:
        fail(
            task_id,
            f"입력 모양(input shape)이 {found}입니다. 이 장의 이미지 한 장은 "
            f"{shape} 모양이므로 keras.Input(shape={shape})으로 받아야 합니다.",
        )


def check_softmax_output(task_id: str, model: Any) -> None:
    """마지막 단계가 10개 클래스의 확률을 내는 softmax 출력층인지(Dense(10, softmax) 또는 Dense(10) + Softmax 층)."""
    chain = steps(model)
    last = chain[-1] if chain else None
    if last is None or last.kind == "dropout":
        fail(
            task_id,
            "모델의 마지막 층이 드롭아웃(Dropout)입니다. 마지막 층은 0~9 열 개의 확률을 내는 출력층(output layer)이어야 하고, "
            f"드롭아웃은 그 앞, 은닉층 쪽에 둡니다. 지금 모델: {describe(model)}",
        )
    if tuple(model.output_shape[1:]) != (10,):
        fail(
            task_id,
            f"모델의 출력 모양이 {model.output_shape}입니다. 숫자 0~9의 확률 "
            f"10개, 곧 (None, 10)이어야 합니다. 지금 모델: {describe(model)}",
        )
    if last.activation != "softmax":
        fail(
            task_id,
            f"출력층({last.describe()})의 활성화 함수(activation)가 {last.activation}입니다. "
            "열 개의 값이 합이 1인 확률이 되도록 softmax를 써야 합니다.",
        )


# ---------------------------------------------------------------- compile 설정


def compile_config(task_id: str, model: Any) -> dict:
    if not getattr(model, "compiled", False):
        fail(task_id, "모델을 아직 compile하지 않았습니다. model.compile(optimizer=..., loss=..., metrics=[...])을 먼저 실행하세요.")
    return model.get_compile_config() or {}


def entry_name(entry: Any) -> str:
    """compile 설정에 적힌 손실·지표 하나의 이름: 문자열, 객체, 함수 모두 snake_case 이름으로."""
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


def loss_name(config: dict) -> str:
    name = entry_name(config.get("loss"))
    return _LOSS_ALIASES.get(name, name)


def from_logits(config: dict) -> bool:
    loss = config.get("loss")
    return isinstance(loss, dict) and isinstance(loss.get("config"), dict) and bool(loss["config"].get("from_logits"))


def check_crossentropy(task_id: str, config: dict, sparse: bool = False) -> None:
    """레이블 모양에 맞는 교차 엔트로피 손실인지(원-핫이면 categorical, 정수면 sparse_categorical)."""
    expected = "sparse_categorical_crossentropy" if sparse else "categorical_crossentropy"
    loss = loss_name(config)
    if loss == "mean_squared_error":
        fail(
            task_id,
            "손실 함수(loss)가 평균 제곱 오차(mean squared error)입니다. 4장이 느렸던 이유 중 하나입니다. "
            "확률을 내는 분류 모델에 맞는 교차 엔트로피(cross-entropy) 손실로 바꾸세요.",
        )
    if loss == "sparse_categorical_crossentropy" and not sparse:
        fail(
            task_id,
            "sparse_categorical_crossentropy는 레이블이 정수(예: 7)일 때 쓰는 손실입니다. "
            "이 장의 레이블(data.y_train)은 길이 10의 원-핫(one-hot) 벡터이므로 sparse가 붙지 않은 범주형 교차 엔트로피를 씁니다.",
        )
    if loss != expected:
        fail(task_id, f"손실 함수(loss)가 {loss}입니다. 이 장의 레이블로 10개 클래스를 분류할 때는 {expected} 손실을 씁니다.")
    if from_logits(config):
        fail(task_id, "손실에 from_logits=True가 있습니다. 출력층이 이미 softmax로 확률을 내므로 from_logits는 False(기본값)여야 합니다.")


ACCURACY_NAMES = ("accuracy", "acc", "categorical_accuracy", "sparse_categorical_accuracy")


def accuracy_metric(task_id: str, config: dict) -> str:
    """compile의 정확도 지표 이름(학습 기록의 키). 없거나 확률 출력에 맞지 않는 지표면 실패한다."""
    metrics = config.get("metrics") or []
    if isinstance(metrics, (str, dict)):
        metrics = [metrics]
    for entry in metrics:
        if isinstance(entry, dict) and entry.get("class_name") == "Accuracy":
            fail(
                task_id,
                "keras.metrics.Accuracy()는 예측값과 정답이 '똑같은지'를 세는 지표라, 확률 10개를 내는 분류 모델에서는 거의 늘 0이 됩니다. "
                'metrics=["accuracy"]처럼 문자열로 주거나 분류용 정확도 지표 객체를 쓰세요.',
            )
    names = [entry_name(entry) for entry in metrics]
    found = next((name for name in names if name in ACCURACY_NAMES), None)
    if found is None:
        fail(task_id, f'평가 지표(metrics)가 {names}라 정확도가 학습 기록에 남지 않습니다. compile에 metrics=["accuracy"]를 주세요.')
    return found


def optimizer_name(optimizer: Any) -> str:
    return type(optimizer).__name__


def learning_rate(optimizer: Any) -> float | None:
    """고정 학습률이면 그 값, 학습률 스케줄(schedule)이면 None."""
    keras = keras_module()
    rate = optimizer.learning_rate
    if isinstance(rate, keras.optimizers.schedules.LearningRateSchedule):
        return None
    return float(rate)


def close(a: float, b: float) -> bool:
    """학습률·모멘텀 같은 설정값 비교: float32로 저장된 0.1도 0.1로 본다."""
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-9)


# ---------------------------------------------------------------- 학습 기록


def history_log(task_id: str, history: Any, *, need_history_object: bool = False, model: Any = None) -> dict[str, list[float]]:
    """fit이 돌려준 History(또는 그 .history 딕셔너리)에서 지표 기록을 꺼낸다. model을 주면 History가 그 모델의 fit 결과인지도 본다."""
    keras = keras_module()
    if isinstance(history, keras.callbacks.History):
        if not history.history:
            fail(task_id, "비어 있는 학습 기록입니다. history = model.fit(...)을 끝까지 실행한 결과를 넘겨 주세요.")
        if model is not None and history.model is not None and history.model is not model:
            fail(task_id, "학습 기록이 넘겨준 모델의 것이 아닙니다. 같은 모델로 fit한 결과(history)를 넘겨 주세요.")
        return history.history
    if isinstance(history, keras.Model):
        fail(task_id, "모델이 들어왔습니다. 학습 기록, 곧 history = model.fit(...)의 결과를 넘겨 주세요.")
    if isinstance(history, dict) and history and all(isinstance(v, (list, tuple)) for v in history.values()):
        if need_history_object:
            fail(
                task_id,
                "history.history(딕셔너리)가 아니라 fit이 돌려준 학습 기록(History)을 그대로 넘겨 주세요. "
                "모델과 최대 에포크 수(history.params)는 History에만 남습니다.",
            )
        return history
    fail(task_id, f"학습 기록(History)이 아닙니다. 받은 것: {kind_of(history)}. history = model.fit(...)의 결과를 넘겨 주세요.")


def history_list(task_id: str, histories: Any, count: int, each: str) -> list[Any]:
    """모델마다 하나씩인 학습 기록(History) count개의 목록. 딕셔너리면 값들을 쓴다. each: "세 설정마다" 같은 말."""
    keras = keras_module()
    if isinstance(histories, keras.callbacks.History):
        fail(task_id, f"학습 기록이 하나만 들어왔습니다. {each} 하나씩, {count}개를 목록(list)에 모아 넘겨 주세요.")
    if isinstance(histories, dict):
        items = list(histories.values())
    elif isinstance(histories, (list, tuple)):
        items = list(histories)
    else:
        fail(task_id, f"학습 기록 목록(list)이 아닙니다. 받은 것: {kind_of(histories)}. [기록1, 기록2, ...]처럼 넘겨 주세요.")
    for item in items:
        if not isinstance(item, keras.callbacks.History):
            history_log(task_id, item, need_history_object=True)  # 무엇이 들어왔는지 알려 주며 실패한다
        if item.model is None:
            fail(task_id, "모델이 없는 학습 기록입니다. history = model.fit(...)이 돌려준 것을 그대로 넣어 주세요.")
    if len(items) != count:
        fail(task_id, f"학습 기록이 {len(items)}개입니다. {each} 하나씩, {count}개가 필요합니다.")
    if len({id(item.model) for item in items}) < len(items):
        fail(task_id, f"같은 모델을 이어서 학습한 기록이 있습니다. {each} 모델을 새로 만들어야 같은 출발점에서 비교됩니다.")
    return items


def accuracy_key(log: dict[str, list[float]]) -> str | None:
    """학습 기록에서 훈련 정확도의 키("accuracy", "acc" …). 없으면 None."""
    return next((key for key in ACCURACY_NAMES if key in log), None)


def require_validation(task_id: str, log: dict[str, list[float]], where: str = "") -> str:
    """검증 정확도 키("val_accuracy", "val_acc" …)를 돌려준다. 검증 지표나 정확도가 없으면 실패한다."""
    key = accuracy_key(log)
    if key is None:
        fail(task_id, f'{where}학습 기록에 정확도가 없습니다(있는 키: {sorted(log)}). compile에 metrics=["accuracy"]를 주세요.')
    if "val_" + key not in log:
        fail(
            task_id,
            f"{where}학습 기록에 검증 지표(val_{key}, val_loss)가 없습니다(있는 키: {sorted(log)}). "
            "fit에 validation_data=(검증 이미지, 검증 레이블)를 넘겼는지 확인하세요.",
        )
    return "val_" + key


def epochs_and_steps(history: Any) -> tuple[int | None, int | None]:
    """History.params의 (최대 에포크 수, 에포크당 배치 수). 딕셔너리 기록이면 (None, None)."""
    params = getattr(history, "params", None) or {}
    return params.get("epochs"), params.get("steps")


def check_batch(task_id: str, history: Any, train_size: int, batch_size: int, where: str = "") -> None:
    """에포크당 배치 수(업데이트 수)로 배치 크기를 확인한다: train_size장을 batch_size씩 나누면 몇 번인가."""
    _, ran_steps = epochs_and_steps(history)
    expected = math.ceil(train_size / batch_size)
    if ran_steps is not None and ran_steps != expected:
        fail(
            task_id,
            f"{where}에포크마다 업데이트를 {ran_steps:,}번 했습니다. 훈련 이미지 {train_size:,}장을 배치 {batch_size}로 나누면 "
            f"{expected:,}번이어야 합니다. fit의 batch_size와 훈련 데이터를 확인하세요.",
        )


def stopped_by_patience(log: dict[str, list[float]], monitor: str, patience: int) -> bool:
    """학습 기록이 'monitor가 patience번 연달아 나아지지 않아 멈춘' 모양인지(가장 좋은 에포크 뒤로 patience 에포크)."""
    values = log[monitor]
    best = min(range(len(values)), key=values.__getitem__) if "loss" in monitor else max(range(len(values)), key=values.__getitem__)
    return len(values) == best + 1 + patience


def fraction(task_id: str, value: Any, what: str) -> float:
    """0~1 사이의 비율로 읽는다(정확도 같은). 숫자가 아니거나 퍼센트면 알려 주며 실패한다."""
    if isinstance(value, (bool, str)) or value is None:
        fail(task_id, f"{what}이 숫자가 아닙니다. 받은 것: {kind_of(value)}. 0과 1 사이의 숫자를 넘겨 주세요.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        fail(task_id, f"{what}이 숫자가 아닙니다. 받은 것: {kind_of(value)}")
    if math.isnan(number):
        fail(task_id, f"{what}이 NaN(숫자가 아님)입니다. 학습 중 손실이 발산하지 않았는지 확인하세요.")
    if 1 < number <= 100:
        fail(task_id, f"{what}이 {number:g}입니다. 퍼센트(percent)가 아니라 0~1 사이의 비율(fraction)로 넘겨 주세요(99%는 0.99).")
    if not 0 <= number <= 1:
        fail(task_id, f"{what}이 {number:g}입니다. 정확도는 0과 1 사이의 값입니다.")
    return number


ACCURACY_TOLERANCE = 1e-6  # float32로 잰 0.992가 0.99199998로 보이는 만큼은 봐준다


def reaches(accuracy: float, goal: float) -> bool:
    """정확도가 목표에 닿았는지(float32 반올림만큼은 봐준다). NaN은 닿지 않은 것이다."""
    return accuracy >= goal - ACCURACY_TOLERANCE


def short(value: float) -> str:
    """목표와 비교할 정확도를 내림해 보인다: 0.99199는 0.9919(반올림한 0.9920은 목표 0.992를 넘어 보인다)."""
    return f"{math.floor(value * 10_000) / 10_000:.4f}"
