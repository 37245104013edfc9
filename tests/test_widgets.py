"""mnist_course.widgets: 위젯을 코드로 움직여(값 바꾸기, 버튼 누르기) 출력이 따라 바뀌는지 확인한다."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from mnist_course import widgets as wd
from mnist_course.widgets import digits, playground


def test_count_iterations() -> None:
    assert wd.count_iterations(50000, 1000) == (50, 50, 1000)
    assert wd.count_iterations(50000, 32, epochs=2) == (1563, 3126, 16)
    assert wd.count_iterations(10, 10) == (1, 1, 10)


def test_iteration_calculator_follows_inputs() -> None:
    box = wd.iteration_calculator()
    n, batch, epochs, result = box.children
    assert "<b>1,563</b>" in result.value and "<b>16</b>개짜리" in result.value
    batch.value = 1000
    assert "<b>50</b>번" in result.value and "나누어떨어집니다" in result.value
    epochs.value = 3
    assert "<b>150</b>번" in result.value
    n.value = 1001
    assert "<b>2</b>번" in result.value and "<b>1</b>개짜리" in result.value


def test_quiz_feedback() -> None:
    """위젯 퀴즈는 answer()와 같은 규칙으로 채점한다: 정답, 흔한 실수의 힌트, 그 밖에는 방향만(정답 값은 말하지 않음)."""
    box = wd.iteration_quiz()
    answer, button = box.children[1].children
    feedback = box.children[2]
    answer.value = 50
    button.click()
    assert "정답 [" in feedback.value
    answer.value = 50000
    button.click()
    assert "오답" in feedback.value and "그건 데이터 수입니다" in feedback.value
    answer.value = 20
    button.click()
    assert "정답은 이보다 큽니다" in feedback.value and "50" not in feedback.value.replace("50,000", "")


def image_png(value: str) -> bytes:
    """HTML 위젯 속 <img>의 PNG 바이트."""
    import base64

    return base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', value).group(1))


def image_alt(value: str) -> str:
    import html

    return html.unescape(re.search(r'alt="([^"]*)"', value).group(1))


def test_digit_browser_changes_with_slider() -> None:
    import keras

    rng = np.random.default_rng(0)
    images = rng.random((5, 28, 28, 1), dtype=np.float32)
    labels = np.eye(10, dtype="float32")[[3, 1, 4, 1, 5]]
    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
    box = wd.digit_browser(images, labels, model=model, index=2)
    slider = box.children[0]
    picture, info = box.children[1].children
    assert "정답 레이블(label): <b>4</b>" in info.value and "모델의 상위 예측" in info.value
    first = picture.value
    assert image_png(first).startswith(b"\x89PNG")
    assert image_alt(first) == "2번 이미지: 손글씨 숫자, 정답 레이블 4"  # 화면 읽기 프로그램이 읽는 대체 텍스트
    slider.value = 4
    assert "<b>4번</b>" in info.value and "<b>5</b>" in info.value
    assert image_png(picture.value) != image_png(first) and image_alt(picture.value).startswith("4번 이미지")
    with pytest.raises(ValueError, match="이미지 5개와 레이블 4개"):
        wd.digit_browser(images, labels[:4])


def small_dense_model() -> object:
    """테스트용 모델: 노트북이 build_model로 넘기는 것과 같은 꼴(컴파일하지 않은 Keras 모델)."""
    import keras

    return keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])


def test_playground_trains_the_given_model(real_mnist_dir: Path) -> None:
    """실제 MNIST로 기본 설정 학습: 넘긴 함수의 모델을 학습하고, 진행 막대와 그림이 에포크마다 갱신된다.

    걸린 시간은 테스트가 아니라 벤치마크(5장의 실행 시간)에서 잰다.
    """
    from mnist_course import load_mnist, prepare_mnist, setup_notebook

    setup_notebook()
    data = prepare_mnist(*load_mnist())
    built = []

    def build() -> object:
        built.append(small_dense_model())
        return built[-1]

    playground = wd.training_playground(data, build)
    logs = playground.run()
    assert len(built) == 1 and built[0].optimizer is not None, "넘긴 함수의 모델을 컴파일해 학습해야 합니다"
    assert playground.progress.value == playground.progress.max == 5
    assert len(logs["val_accuracy"]) == 5 and logs["val_accuracy"][-1] > 0.85
    assert "(완료)" in playground.status.value and image_png(playground.chart.value).startswith(b"\x89PNG")
    assert image_alt(playground.chart.value).startswith("학습 곡선 그래프") and "검증 정확도" in image_alt(playground.chart.value)
    playground.controls["optimizer"].value = "SGD"
    playground.controls["epochs"].value = 1
    assert len(playground.run()["loss"]) == 1 and playground.progress.max == 1 and len(built) == 2
    assert playground.widget.children[2] is playground.status


@pytest.mark.parametrize("build", [None, 3, "build_base_model"])
def test_playground_needs_a_model_building_function(build: object) -> None:
    with pytest.raises(TypeError, match="모델을 만들어 돌려주는 함수"):
        wd.training_playground(None, build)


def test_playground_rejects_a_built_model_instead_of_the_function() -> None:
    with pytest.raises(TypeError, match="이미 만든 모델이 들어왔습니다"):
        wd.training_playground(None, small_dense_model())


def test_playground_rejects_a_function_that_returns_no_model() -> None:
    from types import SimpleNamespace

    data = SimpleNamespace(x_train=np.zeros((4, 28, 28, 1)), y_train=np.zeros((4, 10)), x_val=None, y_val=None)
    with pytest.raises(TypeError, match="return 모델"):
        playground.train_playground_model(data, lambda: None)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (None, TypeError),
        ("32", TypeError),
        (True, TypeError),
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        (-32, ValueError),
        (0, ValueError),
        (2.5, ValueError),
    ],
)
def test_count_iterations_rejects_bad_batch_size(value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"batch_size=.*: 1 이상의 정수\(positive integer\)여야 합니다"):
        wd.count_iterations(50000, value)


def test_count_iterations_accepts_numpy_and_whole_floats() -> None:
    assert wd.count_iterations(np.int64(50000), 1000.0, epochs=np.int32(2)) == (50, 100, 1000)


def test_iteration_calculator_rejects_bad_start_values() -> None:
    with pytest.raises(ValueError, match=r"batch_size=0: 1 이상의 정수"):
        wd.iteration_calculator(batch_size=0)
    with pytest.raises(ValueError, match=r"epochs=100: 위젯은 50 이하만"):
        wd.iteration_calculator(epochs=100)


def test_top_predictions_needs_a_model() -> None:
    image = np.zeros((28, 28))
    for model in (None, "model"):
        with pytest.raises(TypeError, match=r"top_predictions: model=.*학습한 모델\(trained model\)이나 예측 함수\(predict function\)"):
            digits.top_predictions(model, image)
    with pytest.raises(ValueError, match=r"이미지 shape이 \(10, 10\)입니다. 28x28"):
        digits.top_predictions(lambda batch: np.ones((1, 10)), np.zeros((10, 10)))
    with pytest.raises(ValueError, match=r"모델 출력의 shape이 \(10,\)입니다"):
        digits.top_predictions(lambda batch: np.ones(10), image)


def test_top_predictions_with_a_predict_function() -> None:
    probabilities = np.array([[0.05, 0.1, 0.6, 0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0]])
    top = digits.top_predictions(lambda batch: probabilities, np.zeros(784), k=2)
    assert top == [(2, pytest.approx(0.6)), (7, pytest.approx(0.25))]


@pytest.mark.parametrize(
    ("images", "labels", "message"),
    [
        (np.zeros((0, 28, 28)), np.zeros(0), r"이미지가 하나도 없습니다\(empty images\)"),
        ([], [], r"이미지가 하나도 없습니다"),
        (np.zeros((3, 28, 28)), np.zeros(2), r"이미지 3개와 레이블 2개의 개수가 다릅니다"),
        (np.zeros((3, 28, 28)), np.eye(10)[[1, 2]], r"이미지 3개와 레이블 2개"),
        (np.zeros((3, 10, 10)), np.zeros(3), r"이미지 배열의 shape이 \(3, 10, 10\)입니다. 한 장이 28x28"),
        (np.zeros((3, 28, 28)), np.zeros((3, 2, 2)), r"레이블 배열의 shape이 \(3, 2, 2\)"),
    ],
)
def test_digit_browser_bad_inputs(images: object, labels: object, message: str) -> None:
    with pytest.raises(ValueError, match=rf"digit_browser: {message}"):
        wd.digit_browser(images, labels)


def test_digit_browser_index_out_of_range() -> None:
    with pytest.raises(ValueError, match=r"index=3: 0 이상 2 이하"):
        wd.digit_browser(np.zeros((3, 28, 28)), np.zeros(3), index=3)


def test_playground_shows_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """학습이 실패하면 '학습 중...'에 멈추지 않고, 실패했다는 상태와 traceback을 위젯에 보인다."""

    def broken_fit(*args: object, **kwargs: object) -> None:
        raise RuntimeError("fit이 <망가졌습니다>")

    monkeypatch.setattr(playground, "train_playground_model", broken_fit)
    box = wd.training_playground(None, small_dense_model)
    button, status, error = box.button, box.status, box.error
    with pytest.raises(RuntimeError, match="망가졌습니다"):
        box.run()
    assert "학습 실패(failed)" in status.value and "RuntimeError: fit이 &lt;망가졌습니다&gt;" in status.value
    assert "Traceback" in error.value and "broken_fit" in error.value
    assert not button.disabled
    status.value = error.value = ""
    button.click()  # 버튼 콜백의 예외는 ipywidgets가 삼키지만, 위젯에는 보인다
    assert "학습 실패(failed)" in status.value and "Traceback" in error.value


def test_playground_real_fit_error_is_shown() -> None:
    """실제 Keras 학습이 잘못된 데이터로 실패할 때도 같은 모양으로 보인다."""
    from types import SimpleNamespace

    data = SimpleNamespace(
        x_train=np.zeros((8, 28, 28, 1), "float32"),
        y_train=np.zeros((8, 3), "float32"),  # 클래스 10개가 아니라 3개: Keras가 shape 오류를 낸다
        x_val=np.zeros((4, 28, 28, 1), "float32"),
        y_val=np.zeros((4, 3), "float32"),
    )
    box = wd.training_playground(data, small_dense_model)
    box.controls["epochs"].value = 1
    with pytest.raises(ValueError):
        box.run()
    status, error = box.status, box.error
    assert "학습 실패(failed): ValueError" in status.value and "Traceback" in error.value
    assert "학습 중..." not in status.value


@pytest.mark.parametrize(("name", "value"), [("batch_size", 0), ("epochs", None), ("n_train", -1), ("learning_rate", float("nan"))])
def test_train_playground_model_checks_arguments(name: str, value: object) -> None:
    with pytest.raises((TypeError, ValueError), match=rf"{name}="):
        playground.train_playground_model(None, small_dense_model, **{name: value})
