"""3장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import CEIL, DATA_TIMES_EPOCHS, LEFTOVER, UPDATES_HOW, WHOLE

QUESTIONS = (
    Question(
        question_id="3-1",
        parts=(
            Part(
                label="1 에포크의 이터레이션 수",
                expected=196,
                how="데이터 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                mistakes={195: CEIL, 195.3125: WHOLE, 50000: "그건 데이터 수입니다. 배치 크기로 나누세요.", 256: "그건 배치 크기입니다."},
            ),
            Part(
                label="마지막 묶음의 데이터 수",
                expected=80,
                how=LEFTOVER,
                mistakes={
                    256: "그건 꽉 찬 묶음의 크기(배치 크기)입니다. 마지막 묶음에는 남은 데이터만 들어갑니다.",
                    0: "50,000은 256으로 나누어떨어지지 않습니다. 남는 데이터가 있습니다.",
                    176: "꽉 찬 묶음이 되려면 모자란 수를 구했습니다. 남은 데이터 수를 구하세요.",
                    0.3125: "몫의 소수 부분이 아니라 남은 데이터의 개수를 구하세요.",
                },
            ),
        ),
    ),
    Question(
        question_id="3-2",
        parts=(
            Part(
                label="배치 64일 때 1 에포크의 이터레이션 수",
                expected=782,
                how="데이터 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                mistakes={781: CEIL, 781.25: WHOLE, 1563: "그건 배치 32일 때의 이터레이션 수입니다."},
            ),
            Part(
                label="10 에포크 동안의 가중치 업데이트 횟수",
                expected=7820,
                how=UPDATES_HOW,
                mistakes={
                    7810: "내림(floor)한 이터레이션 수를 곱했습니다. " + CEIL,
                    7812.5: "나눗셈 결과를 그대로 곱했습니다. " + WHOLE,
                    782: "1 에포크의 횟수입니다. 10 에포크 동안의 횟수를 구하세요.",
                    15630: "그건 배치 32일 때의 횟수입니다.",
                    500000: DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    Question(
        question_id="3-3",
        parts=(
            Part(
                label="1 에포크의 이터레이션 수",
                expected=469,
                how="훈련 이미지 수 ÷ 배치 크기를 계산하고, 나누어떨어지지 않으면 올림(ceil)하세요.",
                mistakes={
                    468: CEIL,
                    468.75: WHOLE,
                    391: "50,000장으로 계산했습니다. 검증 데이터를 떼지 않으므로 60,000장 모두입니다.",
                },
            ),
            Part(
                label="마지막 묶음의 이미지 수",
                expected=96,
                how=LEFTOVER,
                mistakes={
                    128: "그건 꽉 찬 묶음의 크기(배치 크기)입니다. 마지막 묶음에는 남은 이미지만 들어갑니다.",
                    80: "50,000장으로 계산했습니다. 검증 데이터를 떼지 않으므로 60,000장 모두입니다.",
                    0: "60,000은 128로 나누어떨어지지 않습니다. 남는 이미지가 있습니다.",
                    32: "꽉 찬 묶음이 되려면 모자란 수를 구했습니다. 남은 이미지 수를 구하세요.",
                },
            ),
        ),
    ),
)

# 3장 위젯 퀴즈(mnist_course.widgets.iteration_quiz)의 답 칸: answer()가 아니라 위젯의 채점하기 단추가 같은 규칙으로 채점한다.
WIDGET_QUESTION = Question(
    question_id="3-퀴즈",
    parts=(
        Part(
            label="1 에포크의 이터레이션 수",
            expected=50,
            how="데이터 수 ÷ 미니배치 크기를 계산해 보세요.",
            mistakes={
                50000: "그건 데이터 수입니다. 이터레이션 한 번에 미니배치 하나, 즉 여러 개를 한꺼번에 씁니다.",
                50_000_000: "곱하면 너무 커집니다. 데이터를 미니배치 크기로 '나누어' 보세요.",
            },
        ),
    ),
)
