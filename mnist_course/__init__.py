"""한국어 CNN·MNIST 강의 노트북이 함께 쓰는 도우미(helper) 모음.

모델 코드는 노트북에 두고, 여기에는 데이터 불러오기·전처리·그림·확인처럼
학습의 흐름을 가리는 부분만 둔다. TensorFlow는 필요할 때만 불러온다.
"""

from mnist_course.checks import RangeCheckError, check_range
from mnist_course.data import MnistDataError, load_mnist, read_idx
from mnist_course.environment import get_seed, setup_notebook, use_korean_font
from mnist_course.plots import history_series, plot_history
from mnist_course.prepare import (
    PreparedMnist,
    add_channel_axis,
    one_hot,
    prepare_mnist,
    scale_images,
    split_validation,
)

__all__ = [
    "MnistDataError",
    "PreparedMnist",
    "RangeCheckError",
    "add_channel_axis",
    "check_range",
    "get_seed",
    "history_series",
    "load_mnist",
    "one_hot",
    "plot_history",
    "prepare_mnist",
    "read_idx",
    "scale_images",
    "setup_notebook",
    "split_validation",
    "use_korean_font",
]
