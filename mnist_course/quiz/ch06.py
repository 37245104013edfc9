"""6장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import CEIL, DATA_TIMES_EPOCHS, UPDATES_HOW, WHOLE

QUESTIONS = (
    Question(
        question_id="6-1",
        parts=(
            Part(
                label="멈추는 에포크",
                expected=7,
                how="최고 기록을 새로 세우면 횟수가 0으로 돌아가고, 최고 기록을 넘지 못한 에포크가 연속 patience번이 되면 멈춥니다.",
                mistakes={
                    4: "에포크 4는 한 번 주춤했을 뿐입니다. 다음 에포크에서 최고 기록이 새로 나와 횟수가 0으로 돌아갑니다.",
                    5: "최고 기록이 나온 에포크입니다. 멈추는 것은 그 뒤로 나아지지 않은 에포크가 patience번 쌓였을 때입니다.",
                    6: "patience=2면 나아지지 않은 에포크가 연속 2번이어야 멈춥니다. 에포크 5에서 횟수가 0으로 돌아간 것부터 다시 세세요.",
                    8: "같은 값(0.966)도, 최고 기록보다 낮은 값도 개선이 아닙니다. 최고 기록을 넘지 못한 에포크를 세세요.",
                },
            ),
            Part(
                label="그때 모델에 남는 가중치의 에포크",
                expected=7,
                how="restore_best_weights의 기본값이 무엇인지 떠올려 보세요.",
                mistakes={
                    5: "restore_best_weights=True일 때의 답입니다. 기본값은 False라 되돌리지 않습니다.",
                    8: "멈춘 뒤의 에포크는 돌지 않으므로 그 가중치는 생기지 않습니다.",
                },
            ),
        ),
    ),
    Question(
        question_id="6-3",
        parts=(
            Part(
                label="멈추는 에포크",
                expected=17,
                how="최고 기록 다음 에포크부터 나아지지 않은 에포크를 하나씩 세어, 그 수가 patience가 되는 에포크를 찾으세요.",
                mistakes={
                    12: "최고 기록이 나온 에포크입니다. 멈추는 것은 그 뒤로 나아지지 않은 에포크가 patience번 쌓였을 때입니다.",
                    16: "하나 모자랍니다. 최고 기록 다음 에포크를 1회로 세세요.",
                    18: "하나 많습니다. 연속 patience번째로 나아지지 않은 그 에포크에서 바로 멈춥니다.",
                    5: "patience 값 그대로입니다. 최고 기록 에포크에서 몇 에포크 뒤에 멈추는지 구하세요.",
                },
            ),
        ),
    ),
    Question(
        question_id="6-4",
        parts=(
            Part(
                label="20 에포크 동안의 가중치 업데이트 횟수",
                expected=3920,
                how=UPDATES_HOW,
                mistakes={
                    3900: "내림(floor)한 이터레이션 수를 곱했습니다. " + CEIL,
                    3906.25: "나눗셈 결과를 그대로 곱했습니다. " + WHOLE,
                    196: "1 에포크의 횟수입니다. 20 에포크 동안의 횟수를 구하세요.",
                    15630: "5장의 배치 32, 10 에포크 값입니다. 배치 256, 20 에포크로 다시 계산하세요.",
                    1000000: DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
)
