"""8장 TDC 과제: 정확도 99%에서 멈추는 콜백 클래스와 과제 함수의 결과 채점. 채점기는 아무것도 학습시키지 않는다."""

from __future__ import annotations

import contextlib
import io
from typing import Any

import numpy as np
import pytest

from tests.mission_kit import block_images, fails, keras, passes, run_solution

Callback = keras.callbacks.Callback


class StopAtAccuracy(Callback):
    """8장 풀이 그대로: 키가 없으면 KeyError, 목표 이상이면 멈춘다."""

    def __init__(self, target=0.99, key="acc"):
        super().__init__()
        self.target = target
        self.key = key

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.key not in logs:
            raise KeyError(f"학습 로그에 '{self.key}' 키가 없습니다. 지금 있는 키: {sorted(logs)}")
        if logs[self.key] >= self.target:
            print(f"에포크 {epoch + 1}: 목표에 도달해 학습을 멈춥니다!")
            self.model.stop_training = True


class OriginalIdiom(Callback):
    """원래 과제의 관용구: logs.get('acc') > 0.99 (키가 없으면 조용히 넘어간다)."""

    def on_epoch_end(self, epoch, logs={}):  # noqa: B006 - 원래 과제의 모양 그대로
        if logs.get("acc") > 0.99:
            self.model.stop_training = True


class NaiveStopCallback(Callback):
    """8장의 '조용히 실패하는 콜백' 그대로."""

    def on_epoch_end(self, epoch, logs=None):
        accuracy = logs.get("accuracy")
        if accuracy is not None and accuracy >= 0.99:
            self.model.stop_training = True


def stop_class(condition: Any, *, stop: str = "model", key: str = "acc") -> type:
    """흔한 실수 하나씩을 담은 콜백 클래스를 만든다."""

    class Wrong(Callback):
        def on_epoch_end(self, epoch, logs=None):
            value = logs[key]
            if condition(value):
                if stop == "raise":
                    raise RuntimeError("목표 정확도에 도달!")
                if stop == "self":
                    self.stop_training = True
                else:
                    self.model.stop_training = True

    return Wrong


@pytest.fixture(autouse=True)
def no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    def fit(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("TDC 채점기가 모델을 학습시켰습니다(fit)")

    monkeypatch.setattr(keras.Model, "fit", fit)


@pytest.mark.parametrize("callback_class", [StopAtAccuracy, OriginalIdiom, stop_class(lambda acc: acc > 0.99)])
def test_tdc_accepts_both_comparisons_and_both_missing_key_habits(capsys: pytest.CaptureFixture[str], callback_class: type) -> None:
    out = passes(capsys, "TDC", callback_class)
    assert callback_class.__name__ in out and "목표에 도달" not in out  # 학습자 콜백이 출력한 메시지는 숨긴다


@pytest.mark.parametrize(
    ("callback_class", "match"),
    [
        (NaiveStopCallback, r'"accuracy" 키를 읽고 있습니다'),
        (stop_class(lambda acc: acc > 99), r"퍼센트\(percent\).*0.99"),
        (stop_class(lambda acc: acc >= 0.99, stop="raise"), r"오류\(RuntimeError: 목표 정확도에 도달!\)가 났습니다.*stop_training"),
        (stop_class(lambda acc: acc >= 0.99, stop="self"), "self.stop_training에 값을 넣었습니다"),
        (stop_class(lambda acc: acc >= 0.9), "0.95로 목표\\(0.99\\)보다 낮은데 학습을 멈췄습니다"),
        (stop_class(lambda acc: acc >= 0.98), "0.989로 목표"),
        (stop_class(lambda acc: acc >= 0.99, key="accuracy"), "KeyError가 났습니다"),
        (stop_class(lambda acc: acc >= 0.999), "0.995인 에포크에서 학습을 멈추지 않았습니다"),
    ],
    ids=[
        "logs-get-accuracy",
        "percent",
        "raise-to-stop",
        "self-stop",
        "threshold-0.9",
        "threshold-0.98",
        "accuracy-key",
        "threshold-0.999",
    ],
)
def test_tdc_names_each_callback_mistake(callback_class: type, match: str) -> None:
    fails(match, "TDC", callback_class)


def test_tdc_rejects_wrong_kinds_of_callback() -> None:
    message = fails(r"콜백 객체\(instance\)가 들어왔습니다.*StopAtAccuracy\(\) 대신 StopAtAccuracy", "TDC", StopAtAccuracy())
    assert "check_stop_callback" not in message
    fails("콜백 클래스가 아닙니다. 받은 것: function", "TDC", lambda epoch, logs: None)
    fails("콜백 클래스가 아닙니다. 받은 것: 문자열", "TDC", "MyStopCallback")

    class NotACallback:
        def on_epoch_end(self, epoch, logs=None):
            pass

    fails(r"keras.callbacks.Callback을 상속\(subclass\)", "TDC", NotACallback)

    class Typo(Callback):
        def on_epoch_ends(self, epoch, logs=None):
            self.model.stop_training = True

    fails("on_epoch_end 메서드가 없습니다", "TDC", Typo)

    class OneArgument(Callback):
        def on_epoch_end(self, logs):
            self.model.stop_training = True

    fails("Keras가 넘기는 인자를 받지 못합니다", "TDC", OneArgument)

    class NeedsTarget(StopAtAccuracy):
        def __init__(self, target):
            super().__init__(target=target)

    fails("인자 없이 객체를 만들 수 없습니다.*기본값", "TDC", NeedsTarget)


def test_tdc_grades_the_task_functions_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert "4 에포크에서 99%에 닿아 멈췄습니다" in passes(capsys, "TDC", StopAtAccuracy, ([0, 1, 2, 3], 0.9913))
    assert "끝까지 학습했습니다" in passes(capsys, "TDC", StopAtAccuracy, (list(range(10)), 0.985))
    passes(capsys, "TDC", StopAtAccuracy, [[0, 1, 2, 3], np.float32(0.9907), "모델"])  # 이 책의 풀이처럼 세 번째 값이 있어도 된다
    fails("0.99 아래입니다", "TDC", StopAtAccuracy, ([0, 1, 2], 0.97))
    fails("두 값이 아닙니다. 받은 것: float", "TDC", StopAtAccuracy, 0.9913)
    fails("퍼센트", "TDC", StopAtAccuracy, ([0, 1, 2, 3], 99.13))
    fails("숫자가 아닙니다. 받은 것: 문자열", "TDC", StopAtAccuracy, ([0, 1, 2, 3], "0.9913"))
    fails("숫자가 아닙니다. 받은 것: 참거짓 값 True", "TDC", StopAtAccuracy, ([0, 1, 2, 3], True))
    fails("에포크 번호의 목록이 아닙니다", "TDC", StopAtAccuracy, (4, 0.9913))
    fails("0부터 하나씩", "TDC", StopAtAccuracy, ([1, 2, 3, 4], 0.9913))


def test_tdc_check_leaves_the_random_stream_alone() -> None:
    # 8장은 확인 셀 뒤에도 학습하므로, 채점기가 난수를 쓰면 그 뒤의 결과가 달라진다
    keras.utils.set_random_seed(7)
    expected = keras.random.uniform((3,)).numpy()
    keras.utils.set_random_seed(7)
    with contextlib.redirect_stdout(io.StringIO()):
        from mnist_course.missions import check

        check("TDC", StopAtAccuracy)
    assert (keras.random.uniform((3,)).numpy() == expected).all()


def test_tdc_solution_text_passes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # 풀이는 과제 함수 안에서 실제로 학습한다
    labels = np.random.default_rng(8).integers(0, 10, 640)
    keras.utils.set_random_seed(8)
    names = run_solution("TDC", {"x_train": block_images(labels, 9, channel=False), "y_train": labels})
    out = passes(capsys, "TDC", names["MyStopCallback"], names["my_result"])
    assert "99%에 닿아 멈췄습니다" in out
