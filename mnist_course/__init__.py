"""한국어 CNN·MNIST 강의 노트북이 함께 쓰는 도우미(helper) 모음.

모델 코드는 노트북에 두고, 여기에는 데이터 불러오기·전처리·그림·확인처럼
학습의 흐름을 가리는 부분만 둔다. TensorFlow는 필요할 때만 불러온다.
공개 이름은 노트북이 쓰는 것뿐이다. 위젯(widgets), 미션 채점(missions), 확인 문제(quiz)는 각 모듈에서 불러온다.
"""

from mnist_course.checks import RangeCheckError, check_range
from mnist_course.data import MnistDataError, load_mnist
from mnist_course.environment import setup_notebook
from mnist_course.plots import plot_history
from mnist_course.prepare import PreparedMnist, add_channel_axis, prepare_mnist, scale_images

__all__ = [
    "MnistDataError",
    "PreparedMnist",
    "RangeCheckError",
    "add_channel_axis",
    "check_range",
    "load_mnist",
    "plot_history",
    "prepare_mnist",
    "scale_images",
    "setup_notebook",
]
