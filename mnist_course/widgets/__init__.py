"""수업용 대화형 위젯(ipywidgets): 장마다 한 모듈. 각 위젯의 계산은 일반 함수로도 쓸 수 있다.

- iterations(3장): iteration_calculator, iteration_quiz, count_iterations
- digits(4장): digit_browser
- playground(5장): training_playground
공개 이름은 노트북이 쓰는 것뿐이다. 계산 함수(top_predictions, train_playground_model 등)는 각 모듈에 있다.

위젯을 움직이려면 실행 중인 Jupyter 커널(Colab이나 Jupyter)이 필요하다. 정적 사이트에는 미리 실행한 결과 화면만 저장된다.
위젯 코드는 Colab의 ipywidgets 7 API 안에 머문다.
"""

from mnist_course.widgets.digits import digit_browser
from mnist_course.widgets.iterations import count_iterations, iteration_calculator, iteration_quiz
from mnist_course.widgets.playground import training_playground

__all__ = [
    "count_iterations",
    "digit_browser",
    "iteration_calculator",
    "iteration_quiz",
    "training_playground",
]
