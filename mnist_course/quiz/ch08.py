"""8장 끝의 확인 문제 가운데 answer()로 채점하는 것: 답 칸마다 기댓값, 방향 힌트, 흔한 실수."""

from __future__ import annotations

from mnist_course.quiz._grading import Part, Question
from mnist_course.quiz._hints import DATA_TIMES_EPOCHS, UPDATES_HOW

QUESTIONS = (
    Question(
        question_id="8-3",
        parts=(
            Part(
                label="1 에포크의 이터레이션 수",
                expected=1875,
                how="batch_size를 주지 않으면 Keras가 쓰는 기본값을 떠올려, 60,000을 그 값으로 나누세요.",
                mistakes={
                    1: "batch_size를 주지 않아도 전체를 한 묶음으로 쓰지 않습니다. Keras에는 기본 배치 크기가 있습니다.",
                    60000: "그건 데이터 수입니다. 기본 배치 크기로 나누세요.",
                    1563: "50,000장으로 계산했습니다. 이 장은 60,000장을 모두 씁니다.",
                    469: "배치 128(9장의 설정)로 계산했습니다. Keras의 기본 배치 크기로 계산하세요.",
                },
            ),
            Part(
                label="4 에포크 동안의 가중치 업데이트 횟수",
                expected=7500,
                how=UPDATES_HOW,
                mistakes={
                    1875: "1 에포크의 횟수입니다. 4 에포크 동안의 횟수를 구하세요.",
                    5625: "3 에포크만 곱했습니다. 4 에포크에서 멈췄다면 4 에포크를 모두 돌았습니다.",
                    9375: "멈춘 에포크 다음은 돌지 않습니다. 4 에포크만 곱하세요.",
                    240000: DATA_TIMES_EPOCHS,
                },
            ),
        ),
    ),
    Question(
        question_id="8-4",
        parts=(
            Part(
                label="history.epoch의 내용(목록)",
                expected=(0, 1, 2, 3),
                how="epoch 인자는 0부터 세고, stop_training을 켠 에포크까지 기록됩니다.",
                mistakes={
                    (1, 2, 3, 4): "epoch는 0부터 셉니다. history.epoch에도 0부터 적힙니다.",
                    (1, 2, 3): "epoch는 0부터 셉니다. 그리고 stop_training을 켠 에포크도 끝까지 돌고 기록됩니다.",
                    (0, 1, 2): "stop_training을 켠 에포크도 끝까지 돌고 기록됩니다.",
                    (0, 1, 2, 3, 4): "stop_training을 켠 에포크 다음은 돌지 않습니다.",
                },
                fixed_length=False,
            ),
            Part(
                label="학습한 에포크 수",
                expected=4,
                how="epoch 인자는 0부터 셉니다.",
                mistakes={
                    3: "epoch 인자는 0부터 셉니다. 인자 3이 몇 번째 에포크인지 세어 보세요.",
                    5: "stop_training을 켠 에포크 다음은 돌지 않습니다.",
                    10: "stop_training으로 중간에 멈췄으므로 에포크를 다 돌지 않았습니다.",
                },
            ),
        ),
    ),
)
