"""8장 TDC 과제: 훈련 정확도가 99%에 닿으면 학습을 멈추는 콜백 클래스와 과제 함수의 결과(TDC).

채점기는 학습자의 클래스로 새 콜백을 만들어 작은 모델에 붙이고, metrics=["acc"]일 때 Keras 3가 넘기는 모양의 로그
({"acc": ..., "loss": ...})로 on_epoch_end를 직접 부른다. 아무것도 학습시키지 않고 난수도 쓰지 않는다.
"""

from __future__ import annotations

import contextlib
import inspect
import io
from typing import Any, NoReturn

from mnist_course.missions._common import MissionTask, fail, fraction, keras_module, kind_of, passed

TARGET, MAX_EPOCHS = 0.99, 10


def _tiny_model() -> Any:
    keras = keras_module()
    # 0으로 초기화해 난수를 쓰지 않는다: 노트북에서 확인 셀을 실행해도 뒤이은 학습의 난수 흐름이 그대로다.
    dense = keras.layers.Dense(2, activation="softmax", kernel_initializer="zeros")
    model = keras.Sequential([keras.Input(shape=(4,)), dense], name="mission_check_tiny")
    model.stop_training = False
    return model


def _new_callback(task: str, callback_class: type) -> tuple[Any, Any]:
    """콜백 객체를 인자 없이 만들고 작은 모델에 붙인다: fit이 하는 일과 같다."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            callback = callback_class()
    except TypeError as error:
        fail(
            task,
            f"{callback_class.__name__}()처럼 인자 없이 객체를 만들 수 없습니다({error}). "
            "__init__이 인자를 받는다면 target=0.99처럼 기본값(default)을 주세요.",
        )
    except Exception as error:  # noqa: BLE001 - 학습자 코드의 어떤 오류든 알려 준다
        fail(task, f"{callback_class.__name__}()로 객체를 만드는 중에 오류가 났습니다: {type(error).__name__}: {error}")
    model = _tiny_model()
    try:
        callback.set_model(model)
    except Exception as error:  # noqa: BLE001
        fail(
            task,
            f"콜백에 모델을 붙이는 중에 오류가 났습니다: {type(error).__name__}: {error}. "
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


def _probe(task: str, callback_class: type, logs: dict) -> tuple[bool, Exception | None]:
    callback, model = _new_callback(task, callback_class)
    return _epoch_end(callback, model, logs)


def _check_class(task: str, callback_class: Any) -> None:
    keras = keras_module()
    base = keras.callbacks.Callback
    if not isinstance(callback_class, type):
        if isinstance(callback_class, base):
            name = type(callback_class).__name__
            fail(
                task,
                "콜백 객체(instance)가 들어왔습니다. 클래스(class) 자체를 괄호 없이 넘겨 "
                f"주세요: {name}() 대신 {name}. 채점기가 새 객체를 만들어 시험합니다.",
            )
        fail(
            task,
            f"콜백 클래스가 아닙니다. 받은 것: {kind_of(callback_class)}. class "
            "...(keras.callbacks.Callback):으로 만든 클래스를 넘겨 주세요.",
        )
    name = callback_class.__name__
    if not issubclass(callback_class, base):
        fail(
            task,
            f"{name} 클래스가 keras.callbacks.Callback을 상속(subclass)하지 않습니다. "
            f"class {name}(keras.callbacks.Callback):처럼 괄호 안에 부모 클래스를 적으세요.",
        )
    if callback_class.on_epoch_end is base.on_epoch_end:
        fail(
            task,
            f"{name}에 on_epoch_end 메서드가 없습니다. 에포크가 끝날 때마다 불리는 메서드 "
            "이름은 on_epoch_end(self, epoch, logs=None)입니다(철자 확인).",
        )
    try:
        inspect.signature(callback_class.on_epoch_end).bind(None, 0, {})
    except TypeError:
        fail(
            task,
            "on_epoch_end가 Keras가 넘기는 인자를 받지 못합니다. Keras는 epoch와 logs 두 "
            "값을 넘기므로 def on_epoch_end(self, epoch, logs=None):로 정의하세요.",
        )
    except ValueError:
        pass  # 서명을 읽을 수 없는 특이한 경우는 실제로 불러 보며 확인한다


def _explain_no_stop(task: str, callback_class: type, callback: Any) -> NoReturn:
    """정확도가 0.995인데 멈추지 않은 까닭을 흔한 실수로 짚어 본다."""
    if callback.__dict__.get("stop_training"):
        fail(
            task,
            "self.stop_training에 값을 넣었습니다. 그것은 콜백 자신의 속성이라 학습에 아무 "
            "영향이 없습니다. 학습을 멈추는 스위치는 콜백이 붙은 모델(self.model) 쪽에 있습니다.",
        )
    for logs, message in [
        (
            _logs(0.995, key="accuracy"),
            'logs에서 "accuracy" 키를 읽고 있습니다. metrics=["acc"]로 compile하면 Keras 3의 로그에는 "accuracy"가 없고 "acc"만 있습니다.',
        ),
        (
            _logs(99.5),
            "정확도를 99 같은 퍼센트(percent) 값과 비교하고 있습니다. logs의 정확도는 0~1 사이의 비율(fraction)이라 99%는 0.99입니다.",
        ),
        (
            _logs(99.5, key="accuracy"),
            '두 가지가 틀렸습니다. "accuracy" 키를 읽고 있고(metrics=["acc"]라면 '
            '키는 "acc"), 정확도를 99 같은 퍼센트 값과 비교합니다(99%는 0.99).',
        ),
    ]:
        if _probe(task, callback_class, logs) == (True, None):
            fail(task, f"정확도가 0.995인 에포크에서 학습을 멈추지 않았습니다. {message}")
    fail(
        task,
        "정확도가 0.995인 에포크에서 학습을 멈추지 않았습니다. on_epoch_end에서 logs의 "
        "정확도가 0.99에 닿았으면 self.model.stop_training을 True로 두어야 합니다.",
    )


def _check_behaviour(task: str, callback_class: type) -> None:
    # 1) 목표보다 낮은 에포크들에서는 계속 학습한다(fit처럼 한 객체로 차례로).
    callback, model = _new_callback(task, callback_class)
    for epoch, accuracy in enumerate([0.95, 0.989]):
        stopped, error = _epoch_end(callback, model, _logs(accuracy), epoch)
        if isinstance(error, KeyError):
            fail(
                task,
                f'로그에 없는 키를 읽다가 KeyError가 났습니다: {error}. metrics=["acc"]로 '
                "compile하면 Keras 3가 넘기는 logs의 키는 acc와 loss입니다.",
            )
        if error is not None:
            fail(
                task,
                f"정확도 {accuracy}(목표 아래)인 에포크에서 오류가 났습니다: "
                f"{type(error).__name__}: {error}. 목표 아래에서는 아무 일 없이 넘어가야 합니다.",
            )
        if stopped:
            fail(task, f"정확도가 {accuracy}로 목표(0.99)보다 낮은데 학습을 멈췄습니다. 비교하는 기준값과 부등호 방향을 확인하세요.")
    # 2) 목표를 넘은 에포크에서는 오류 없이 멈춘다. 정확히 0.99일 때는 >=와 > 어느 쪽도 받는다.
    stopped, error = _epoch_end(callback, model, _logs(0.995), 2)
    if error is not None:
        fail(
            task,
            f"정확도가 목표를 넘은 에포크에서 오류({type(error).__name__}: "
            f"{error})가 났습니다. 오류를 내면 fit 전체가 실패로 끝나고 결과도 받지 못합니다. "
            "학습은 오류가 아니라 self.model.stop_training = True로 멈춥니다.",
        )
    if not stopped:
        _explain_no_stop(task, callback_class, callback)
    at_target = _probe(task, callback_class, _logs(TARGET))
    if at_target[1] is not None:
        fail(task, f"정확도가 정확히 0.99인 에포크에서 오류가 났습니다: {type(at_target[1]).__name__}: {at_target[1]}")


def _check_result(task: str, result: Any) -> str:
    """과제 함수의 결과 (학습한 에포크 번호 목록, 마지막 훈련 정확도)를 본다. 세 번째 값(모델 같은)은 있어도 된다."""
    if not isinstance(result, (tuple, list)) or len(result) not in (2, 3):
        fail(
            task,
            "과제 함수의 결과가 (에포크 번호 목록, 마지막 훈련 정확도) 두 값이 아닙니다. 받은 것: "
            f"{kind_of(result)}. return history.epoch, ...처럼 돌려주세요.",
        )
    epochs, accuracy = result[0], fraction(task, result[1], "과제 함수가 돌려준 마지막 훈련 정확도")
    if not isinstance(epochs, (list, tuple)) or not epochs or any(isinstance(e, bool) or not isinstance(e, int) for e in epochs):
        fail(
            task, f"첫 번째 값이 에포크 번호의 목록이 아닙니다. 받은 것: {kind_of(epochs)}. fit이 돌려준 history.epoch를 그대로 돌려주세요."
        )
    if list(epochs) != list(range(len(epochs))) or len(epochs) > MAX_EPOCHS:
        fail(
            task,
            f"에포크 번호 목록 {list(epochs)}이 0부터 하나씩 늘어나는 {MAX_EPOCHS}개 "
            "이하의 목록이 아닙니다. history.epoch를 그대로 돌려주세요.",
        )
    if len(epochs) < MAX_EPOCHS and accuracy < TARGET:
        fail(
            task,
            f"{len(epochs)} 에포크에서 멈췄는데 마지막 훈련 정확도가 {accuracy:.4f}로 "
            "0.99 아래입니다. 99%에 닿기 전에 멈추게 하는 조건이 있는지 확인하세요.",
        )
    if accuracy >= TARGET:
        return f"{len(epochs)} 에포크에서 99%에 닿아 멈췄습니다"
    return f"{MAX_EPOCHS} 에포크 안에 99%에 닿지 않아 끝까지 학습했습니다"


def check_stop_callback(callback_class: Any, result: Any = None) -> None:
    """TDC 과제: 훈련 정확도가 99%에 닿으면 학습을 멈추는 콜백 클래스, 그리고 과제 함수가 돌려준 결과(주면).

    콜백은 클래스 자체(괄호 없이)를 받는다. 목표 아래(0.95, 0.989)에서는 계속, 목표 위(0.995)에서는 오류 없이 멈춰야 하고,
    정확히 0.99일 때 멈추는지(>=)와 넘기는지(>)는 묻지 않는다. 로그에 키가 없을 때 오류를 낼지도 자유다.
    """
    task = "TDC"
    _check_class(task, callback_class)
    _check_behaviour(task, callback_class)
    name = callback_class.__name__
    if result is None:
        passed(
            task,
            f"멈춤 콜백 {name}: 99% 아래에서는 학습을 이어 가고 99%를 넘으면 멈춥니다. 과제 함수의 결과도 넘기면 학습 결과까지 봅니다.",
        )
        return
    outcome = _check_result(task, result)
    passed(task, f"멈춤 콜백 {name}와 과제 함수의 결과를 확인했습니다: {outcome}.")


TASKS = [
    MissionTask(
        "TDC",
        "TDC 과제: 정확도 99%에서 멈추는 콜백",
        check_stop_callback,
        (
            """에포크가 끝날 때마다 불리는 메서드 하나로 충분합니다.
그 안에서 학습 로그의 정확도를 읽어 99%와 비교하고, 닿았으면 학습을 멈추게 하세요.""",
            """- keras.callbacks.Callback을 상속하고 on_epoch_end(self, epoch, logs=None)를 정의합니다.
- metrics=["acc"]로 compile했으므로 로그에서 정확도의 키는 "acc"입니다.
- 99%는 0.99입니다. logs의 정확도는 0~1 사이의 비율입니다.
- 학습은 오류를 내서가 아니라 콜백이 붙은 모델의 stop_training 속성을 True로 바꿔 멈춥니다.
확인: check("TDC", MyStopCallback, my_result)  ← 콜백은 괄호 없이 클래스 자체를 넘깁니다.""",
        ),
        """class MyStopCallback(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        if logs["acc"] >= 0.99:
            print("정확도 99%에 도달해 학습을 멈춥니다!")
            self.model.stop_training = True


def my_train_mnist(x_train, y_train):
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(784, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="my_tdc_model",
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
    history = model.fit(x_train, y_train, epochs=10, callbacks=[MyStopCallback()], verbose=2)
    return history.epoch, history.history["acc"][-1]


my_result = my_train_mnist(x_train, y_train)""",
    ),
]
