"""확인 문제 채점기: 장마다 끝에 있는 "확인 문제" 가운데 답이 숫자인 문제를 노트북 셀에서 채점한다.

answer("3-1", 값1, 값2)처럼 문제 번호("장-번호")와 계산한 답을 넣으면, 답 한 칸마다 한 줄씩 판정을 출력하고
요약 한 줄로 끝낸다(돌려주는 값은 없다). 틀린 칸에는 흔한 실수면 그 실수를, 아니면 정답이 더 큰지 작은지와 다시 계산할 것을
알려 준다. 정답 값은 출력하지 않는다(정답과 풀이는 확인 문제의 "정답 보기"에 있다).

이 모듈은 TensorFlow도 numpy도 불러오지 않는다. numpy 배열·스칼라는 tolist()로 파이썬 값으로 바꿔 받는다.
"""

from __future__ import annotations

from typing import Any

from mnist_course.quiz import ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09
from mnist_course.quiz._grading import Part, Question, grade, read

QUESTIONS: dict[str, Question] = {
    q.question_id: q for chapter in (ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09) for q in chapter.QUESTIONS
}


def questions(chapter: int) -> list[str]:
    """그 장에서 answer()로 채점할 수 있는 문제 번호들. 예: questions(3) → ["3-1", "3-2", "3-3"]."""
    return [qid for qid in QUESTIONS if qid.split("-")[0] == str(chapter)]


def answer(question_id: str, *values: Any) -> None:
    """확인 문제의 답을 채점한다. 예: answer("3-1", 값1, 값2)(값은 계산한 답).

    답 한 칸마다 한 줄(정답/오답/빈칸)과 요약 한 줄("→ [3-1] 모두 정답입니다." 등)을 출력하고, 아무것도 돌려주지 않는다
    (check()처럼: 셀 마지막 줄이어도 True/False가 따로 찍히지 않는다). 값이 모두 None이면(아직 풀지 않은 셀) 채점하지 않고
    무엇을 넣으면 되는지만 알려 준다. 없는 번호는 ValueError, 값의 개수나 종류가 틀리면 TypeError를 낸다.
    """
    key = str(question_id).strip()
    if key not in QUESTIONS:
        raise ValueError(f"{question_id!r}라는 확인 문제 번호(question id)는 없습니다. 채점할 수 있는 번호: {', '.join(QUESTIONS)}")
    question = QUESTIONS[key]
    parts = question.parts
    if len(values) != len(parts):
        placeholders = ", ".join(f"값{i + 1}" for i in range(len(parts))) if len(parts) > 1 else "값"
        raise TypeError(
            f"[{key}] 답(value)을 {len(parts)}개 넣어야 합니다(받은 것: {len(values)}개). "
            f'넣을 것: {question.prompt}. 예: answer("{key}", {placeholders})'
        )
    if all(value is None for value in values):
        print(f"아직 답이 없습니다 [{key}]: None 자리에 계산한 답을 넣고 다시 실행하세요. 넣을 것: {question.prompt}")
        return
    given = [None if value is None else read(key, part, value) for part, value in zip(parts, values, strict=True)]
    results = [grade(key, part, value) for part, value in zip(parts, given, strict=True)]
    for _, line in results:
        print(line)
    if all(ok for ok, _ in results):
        print(f"→ [{key}] 모두 정답입니다.")
        return
    if any(value is None for value in given):
        print(f"→ [{key}] 빈칸을 채우고 다시 실행하세요.")
    else:
        print(f"→ [{key}] 틀린 답이 있습니다. 위의 힌트대로 다시 계산해 보세요. 풀이는 확인 문제의 '정답 보기'에 있습니다.")


__all__ = ["QUESTIONS", "Part", "Question", "answer", "grade", "questions"]
