"""노트북 환경 준비: TensorFlow 시작 로그 끄기, 한글 글꼴, 난수 시드(seed)."""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path

SEED_ENV = "MNIST_COURSE_SEED"
DEFAULT_SEED = 42
SEED_MAX = 2**32 - 1  # NumPy 시드의 최댓값
KOREAN_FONT = "NanumGothic"


def import_tensorflow_quietly() -> None:
    """TensorFlow를 처음 불러올 때 나오는 C++ 로그(oneDNN, CUDA 안내 등)를 숨긴다.

    이 로그는 TF_CPP_MIN_LOG_LEVEL보다 먼저 표준 오류(stderr, fd 2)에 직접 쓰이므로,
    불러오는 동안만 fd 2를 /dev/null로 돌린다.
    """
    if "tensorflow" in sys.modules:
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    # oneDNN 커널: TensorFlow는 AVX-512 등이 있는 CPU에서만 스스로 켠다. AVX2뿐인 CPU(예: 이 책을 만든 AMD EPYC)에서도
    # 켜면 합성곱 학습이 약 1.6배 빠르다(README의 벤치마크). 이미 정해 둔 값이 있으면 그대로 둔다.
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")
        tf.constant(0)  # CPU 최적화 안내처럼 첫 연산 때 나오는 로그도 여기서 미리 흘려보낸다.
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)


def _use_korean_font() -> str:
    """matplotlib에 한글 글꼴(NanumGothic)을 등록하고 그 이름을 돌려준다."""
    import matplotlib as mpl
    from matplotlib import font_manager

    # koreanize-matplotlib 패키지는 글꼴 파일만 빌려 쓴다(불러오면 distutils 경고가 난다).
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "한글 글꼴을 찾지 못했습니다: koreanize-matplotlib 패키지가 없습니다. `pip install koreanize-matplotlib`으로 설치하세요."
        )
    fonts = Path(spec.submodule_search_locations[0]) / "fonts"
    for ttf in sorted(fonts.glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(ttf))
    mpl.rcParams["font.family"] = KOREAN_FONT
    mpl.rcParams["axes.unicode_minus"] = False
    return KOREAN_FONT


def _get_seed() -> int:
    """환경 변수 MNIST_COURSE_SEED의 값(없으면 42)을 정수로 돌려준다. NumPy가 받는 범위(0 ~ 2**32 - 1)인지도 확인한다."""
    return parse_seed(os.environ.get(SEED_ENV, str(DEFAULT_SEED)), SEED_ENV)


def parse_seed(value: str, source: str = SEED_ENV) -> int:
    """시드 문자열을 정수로 바꾼다. 잘못되면 source(환경 변수나 옵션 이름)와 올바른 범위를 적은 ValueError."""
    try:
        seed = int(value)
    except ValueError:
        raise ValueError(
            f"{source}={value!r}: 시드(seed)는 정수여야 합니다(integer, 0 ~ {SEED_MAX}). 예: export {SEED_ENV}=7"
        ) from None
    if not 0 <= seed <= SEED_MAX:
        raise ValueError(
            f"{source}={value!r}: 시드(seed)는 0 이상 {SEED_MAX}(2**32 - 1) 이하여야 합니다(out of range). 예: export {SEED_ENV}=7"
        )
    return seed


def setup_notebook() -> int:
    """노트북 첫 셀에서 한 번 부른다. 로그를 끄고, 한글 글꼴을 쓰고, 시드를 고정한다.

    돌려주는 값은 이번 실행에 쓴 시드다.
    """
    seed = _get_seed()
    import_tensorflow_quietly()
    import keras

    _use_korean_font()
    random.seed(seed)
    keras.utils.set_random_seed(seed)  # 파이썬, NumPy, TensorFlow 시드를 한꺼번에 고정한다.
    return seed
