"""4장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import DENSE_HOW, PERCENT, dense_mistakes

QUESTIONS = (
    Question(
        question_id="4-1",
        parts=(
            Part(label="모델의 파라미터 수", expected=25450, how=DENSE_HOW, mistakes=dense_mistakes(32, 11935, "원래 모델(Dense(15))")),
        ),
    ),
    Question(
        question_id="4-3",
        parts=(
            Part(
                label="정답 3의 원-핫 벡터(숫자 10개짜리 목록)",
                expected=(0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
                how="숫자 0부터 9까지 한 칸씩, 정답 숫자의 칸만 1이고 나머지는 0인 목록입니다.",
                mistakes={
                    (0, 0, 1, 0, 0, 0, 0, 0, 0, 0): "칸을 1부터 셌습니다. 첫 칸이 숫자 0의 칸입니다.",
                    (0, 0, 0, 3, 0, 0, 0, 0, 0, 0): "정답 칸에는 숫자 자체가 아니라 1을 넣습니다.",
                    (1, 1, 1, 1, 0, 0, 0, 0, 0, 0): "정답 칸 하나만 1입니다(0부터 정답까지 모두 1이 아닙니다).",
                },
            ),
        ),
    ),
    Question(
        question_id="4-5",
        parts=(
            Part(
                label="픽셀 값 128을 스케일 조정한 값",
                expected=0.50,
                how="픽셀 값을 가장 큰 값 255로 나누세요.",
                mistakes={
                    128: "아직 나누지 않았습니다. 모든 픽셀 값을 같은 수로 나눕니다.",
                    50.2: PERCENT,
                    1.99: "나누는 순서가 뒤집혔습니다. 픽셀 값을 255로 나누세요.",
                },
                rel_tol=0.02,
            ),
        ),
    ),
)
