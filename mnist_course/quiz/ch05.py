"""5장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import CEIL, DATA_TIMES_EPOCHS, DENSE_HOW, UPDATES_HOW, WHOLE, dense_mistakes

QUESTIONS = (
    Question(
        question_id="5-1",
        parts=(
            Part(
                label="정답 확률 0.5일 때의 손실",
                expected=0.69,
                how="손실은 −ln(정답 확률)입니다. ln은 밑이 e인 자연로그입니다.",
                mistakes={
                    -0.69: "부호가 반대입니다. 손실은 −ln(확률)이라 0보다 큽니다.",
                    0.301: "상용로그(log10)를 썼습니다. 밑이 e인 자연로그(ln)로 계산하세요.",
                    1: "밑이 2인 로그(log2)를 썼습니다. 밑이 e인 자연로그(ln)로 계산하세요.",
                    0.5: "1 − 확률이 아니라 −ln(확률)입니다.",
                },
                rel_tol=0.015,
            ),
        ),
    ),
    Question(
        question_id="5-2",
        parts=(Part(label="모델의 파라미터 수", expected=79510, how=DENSE_HOW, mistakes=dense_mistakes(100, 39760, "뉴런 50개 모델")),),
    ),
    Question(
        question_id="5-3",
        parts=(
            Part(
                label="시그모이드 세 층을 지난 기울기의 최대 배수",
                expected=0.016,
                how="층을 하나 지날 때마다 기울기에 활성화 함수의 기울기가 곱해집니다.",
                mistakes={
                    0.75: "더하지 말고 곱하세요. 층을 지날 때마다 기울기가 곱해집니다.",
                    0.0625: "두 층만 곱했습니다. 시그모이드 층은 세 개입니다.",
                    0.25: "한 층만 셌습니다. 시그모이드 층은 세 개입니다.",
                    64: "줄어드는 비율의 역수입니다. 원래의 몇 배로 작아지는지를 넣으세요.",
                    1.6: "백분율(%)이 아니라 배수로 넣으세요.",
                },
                rel_tol=0.03,
            ),
            Part(
                label="ReLU 세 층을 지난 기울기의 최대 배수",
                expected=1,
                how="양수 입력에서 ReLU의 기울기가 얼마인지 떠올려 보세요.",
                mistakes={
                    0: "0은 음수 입력일 때의 기울기입니다. 많아야(최대) 몇 배인지 물었습니다.",
                    3: "더하지 말고 곱하세요. 층을 지날 때마다 기울기가 곱해집니다.",
                },
                rel_tol=0.01,
            ),
        ),
    ),
    Question(
        question_id="5-4",
        parts=(
            Part(
                label="한 번의 업데이트가 커지는 최대 배수",
                expected=2,
                how="모멘텀은 지난 업데이트에 momentum을 곱해 계속 더해 갑니다. 그 합(등비급수)이 어디로 다가가는지 구하세요.",
                mistakes={
                    1.5: "한 번만 더했습니다. 지난 업데이트가 계속 쌓이므로 1 + 0.5 + 0.25 + …를 끝까지 더하세요.",
                    0.5: "momentum 값 그대로입니다. 모멘텀은 업데이트를 키우므로 배수는 1보다 큽니다.",
                    1.11: "momentum=0.1일 때의 배수입니다. 문제의 momentum은 0.5입니다.",
                },
                rel_tol=0.01,
            ),
        ),
    ),
    Question(
        question_id="5-6",
        parts=(
            Part(
                label="10 에포크 동안의 가중치 업데이트 횟수",
                expected=15630,
                how=UPDATES_HOW,
                mistakes={
                    15620: "내림(floor)한 이터레이션 수를 곱했습니다. " + CEIL,
                    15625: "나눗셈 결과를 그대로 곱했습니다. " + WHOLE,
                    1563: "1 에포크의 횟수입니다. 10 에포크 동안의 횟수를 구하세요.",
                    46890: "풀이가 학습을 세 번 한 합계입니다. 학습 한 번의 횟수를 구하세요.",
                    500000: DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
)
