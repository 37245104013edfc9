"""7장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import DENSE_HOW, PERCENT, dense_mistakes

QUESTIONS = (
    Question(
        question_id="7-1",
        parts=(Part(label="모델의 파라미터 수", expected=159010, how=DENSE_HOW, mistakes=dense_mistakes(200, 39760, "뉴런 50개 모델")),),
    ),
    Question(
        question_id="7-4",
        parts=(
            Part(
                label="살아남은 값에 곱하는 배수",
                expected=1.25,
                how="지워지지 않고 남는 비율을 구하고, 출력의 평균 크기가 그대로이려면 몇 배 해야 하는지 생각해 보세요.",
                mistakes={
                    0.8: "살아남는 비율입니다. 평균을 맞추려면 그 비율로 나누어야(역수를 곱해야) 합니다.",
                    0.2: "지우는 비율(rate)입니다. 살아남은 값을 몇 배 키우는지 구하세요.",
                    5: "지우는 비율로 나누었습니다. 살아남는 비율로 나누세요.",
                    1.2: "1 + rate가 아닙니다. 살아남는 비율로 나누어 평균을 맞춥니다.",
                    2: "Dropout(0.5)일 때의 배수입니다. 문제의 비율은 0.2입니다.",
                },
                rel_tol=0.005,
            ),
        ),
    ),
    Question(
        question_id="7-5",
        parts=(
            Part(
                label="fit이 보여 주는 훈련 정확도(대략, 0~1)",
                expected=0.53,
                how="드롭아웃이 켜진 채로 잽니다. 답이 몰린 칸이 살아남는 경우와 지워지는 경우로 나누어 정확도를 평균하세요.",
                mistakes={
                    0.95: "드롭아웃을 끈 정확도입니다. fit은 드롭아웃이 켜진 채로 잽니다.",
                    0.475: "답이 몰린 칸이 지워진 절반도 찍기로 10분의 1쯤은 맞힙니다.",
                    0.1: "답이 몰린 칸은 절반쯤 살아남아 제대로 맞힙니다.",
                    52.5: PERCENT,
                },
                rel_tol=0.066,
            ),
        ),
    ),
)
