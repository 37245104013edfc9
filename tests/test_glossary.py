"""용어집(book/glossary.md)의 표가 장 본문과 맞는지: 용어와 영어, '처음 나오는 장', 빠진 용어."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import nbformat
import pytest

from tests.book_files import ROOT, toc_notebooks

BOOK = ROOT / "book"
GLOSSARY = BOOK / "glossary.md"
HEADER = ["용어", "영어", "뜻", "처음 나오는 장"]
LINK = re.compile(r"\[(\d+)장\]\(([^)\s]+)\)")
# 본문의 '한국어(English)'(예: 합성곱 신경망(convolutional neural network, CNN))와 '(한국어, English)'(예: (수용 영역, receptive field)).
# 앞쪽 한국어는 '이것을 과대적합'처럼 앞말까지 길게 잡히므로, 용어로 끝나는지를 본다(covered).
PAIR = re.compile(r"([가-힣][가-힣 ·–-]{0,20})\(([A-Za-z][A-Za-z -]{2,40}(?:, [A-Za-z]+)?)\)")
PAIR_INSIDE = re.compile(r"\(([가-힣][가-힣 ·-]{0,20}), ([A-Za-z][A-Za-z -]{2,40})\)")

# 한국어(English) 꼴이지만 용어집에 넣지 않는 것: (한국어, 영어).
EXCLUDE = {
    ("넘파이", "NumPy"),  # 라이브러리 이름
    ("펼치기", "Flatten"),  # Keras 층 이름(1장 구조도)
    ("분류기", "Dense"),  # 9장: 분류기를 이루는 Keras 층 이름. 용어집에는 분류기(classifier)
    ("올림", "ceil"),  # 수학 함수 이름(3장 공식)
    ("비율", "rate"),  # Dropout의 인자 이름
    ("학습되는", "trainable"),  # Keras 요약표의 낱말, 명사 용어가 아님
    ("훈련용", "training"),  # 일상 낱말(4장 MNIST 소개)
    ("테스트용", "test"),  # 일상 낱말(4장 MNIST 소개)
    ("훈련", "train"),  # 4장 학습 곡선의 범례 이름
    ("검증", "validation"),  # 4장 학습 곡선의 범례 이름. 용어집에는 검증 데이터
    ("흑백", "grayscale"),  # 일상 낱말
    ("메모리", "memory"),  # 일반 컴퓨터 낱말
    ("체크섬", "checksum"),  # 일반 컴퓨터 낱말(데이터 파일 확인)
    ("파이프라인", "pipeline"),  # tf.data 도구 이름, 이 책에서 다루는 개념이 아님
    ("딕셔너리", "dictionary"),  # 파이썬 자료형
    ("가상 환경", "virtual environment"),  # 소개 페이지의 설치 안내
    ("배열", "array"),  # 소개 페이지의 '미리 알면 좋은 것'(NumPy 기초)
    ("인덱싱", "indexing"),  # 소개 페이지의 '미리 알면 좋은 것'(NumPy 기초)
    ("원-핫", "one-hot"),  # 9장의 줄임말. 용어집에는 원-핫 인코딩(one-hot encoding)
    ("난수 시드", "seed"),  # 5장의 줄임말. 용어집에는 난수 시드(random seed)
    ("활성화 함수", "activation"),  # 5장 미션의 줄임말(Keras 인자 이름). 용어집에는 활성화 함수(activation function)
    ("손실 함수", "loss"),  # 5장 미션의 줄임말(Keras 인자 이름). 용어집에는 손실 함수(loss function)
    ("확률적 경사 하강법", "stochastic gradient descent, SGD"),  # 5장: 줄임말을 함께 적은 꼴. 용어집에는 줄임말 없이
    ("버퍼 크기", "buffer size"),  # 9장 '더 알아보기'의 tf.data 설정 이름, 학습자가 익힐 개념이 아님
    ("자동 조정", "autotune"),  # 9장 '더 알아보기'의 tf.data 설정 이름, 학습자가 익힐 개념이 아님
}

# '처음 나오는 장'은 한국어와 영어가 함께 처음 나오는 장이다. 용어는 그 장보다 앞에 나오지 않는다(정의하기 전에 쓰지 않는다).
# 예외는 뒤 장을 제목으로만 가리키는 곳뿐이다: 용어 → 그런 앞 장 번호들.
EARLY_MENTIONS = {
    # 뒤 장의 제목으로만 가리키는 곳(앞으로 다룬다는 안내). 용어로 쓰는 곳은 아니다.
    "조기 종료": {"05"},  # 5장: "미션 2(조기 종료)에서 다시 다룹니다"
    "용량": {"05"},  # 5장: "미션 3(용량과 드롭아웃)에서 다시 다룹니다"
}


class Row(NamedTuple):
    term: str
    english: str
    meaning: str
    label: int  # 링크 글자의 장 번호(예: [4장] → 4)
    chapter: str  # 링크 대상(예: 04_mnist_practice.ipynb)


REVIEW = ("## 확인 문제", "## 더 읽을거리")  # 장 끝: 이미 배운 용어를 되짚는 곳이라 '처음 나오는 곳'을 따지지 않는다


def markdown(path: Path) -> str:
    """문서의 본문 마크다운(장 끝의 확인 문제 셀은 뺀다). **굵게**는 지운다: **미니배치**(mini-batch)도 미니배치(mini-batch)로 읽히도록."""
    if path.suffix == ".md":
        text = path.read_text(encoding="utf-8")
    else:
        cells = nbformat.read(path, as_version=4).cells
        text = "\n\n".join(c.source for c in cells if c.cell_type == "markdown" and not c.source.startswith(REVIEW))
    return text.replace("**", "")


def chapter_texts() -> dict[str, str]:
    """목차 순서대로 장 노트북의 파일 이름 → 마크다운."""
    return {path.name: markdown(path) for path in toc_notebooks()}


def table_cells(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines() if line.startswith("|")]


def glossary_rows(text: str) -> list[Row]:
    """용어집 표의 행들(머리 행과 구분 행은 뺀다)."""
    rows = []
    for term, english, meaning, where in table_cells(text)[2:]:
        link = LINK.fullmatch(where)
        assert link, f"{term}: '처음 나오는 장' 칸이 [N장](파일.ipynb) 꼴이 아닙니다: {where!r}"
        rows.append(Row(term, english, meaning, int(link.group(1)), link.group(2)))
    return rows


def row_problems(row: Row, chapters: dict[str, str]) -> list[str]:
    """한 행의 문제: 링크 대상, 그 장에 한국어·영어가 있는지, 더 앞 장에 이미 나오는지."""
    if not (BOOK / row.chapter).exists() or row.chapter not in chapters:
        return [f"{row.term}: 링크 대상 {row.chapter}가 없거나 목차의 장이 아닙니다"]
    problems = []
    if int(row.chapter[:2]) != row.label:
        problems.append(f"{row.term}: 링크 글자 [{row.label}장]과 파일 {row.chapter}가 다릅니다")
    text = chapters[row.chapter]
    for word, found in ((row.term, row.term in text), (row.english, row.english.lower() in text.lower())):
        if not found:
            problems.append(f"{row.term}: '{word}'이(가) {row.chapter}에 나오지 않습니다")
    names = list(chapters)
    earlier = names[: names.index(row.chapter)]
    mentioned = {name[:2] for name in earlier if row.term in chapters[name]}
    if mentioned != EARLY_MENTIONS.get(row.term, set()):
        problems.append(f"{row.term}: 앞 장 {sorted(mentioned)}에도 나옵니다(EARLY_MENTIONS: {sorted(EARLY_MENTIONS.get(row.term, []))})")
    for name in earlier:
        if row.term in chapters[name] and row.english.lower() in chapters[name].lower():
            problems.append(f"{row.term}: {name}에 이미 영어와 함께 나오므로 그 장이 '처음 나오는 장'입니다")
    return problems


def introduced_pairs(text: str) -> set[tuple[str, str]]:
    """본문에서 한국어(English) 꼴로 적힌 (한국어 부분, 영어) 쌍."""
    return {(m.group(1).strip(), m.group(2).strip()) for pattern in (PAIR, PAIR_INSIDE) for m in pattern.finditer(text)}


def covered(phrase: str, english: str, known: set[tuple[str, str]]) -> bool:
    """'이것을 과대적합'(overfitting)처럼 앞말이 붙은 한국어도, 알려진 용어로 끝나고 영어가 같으면 된다."""
    for term, eng in known:
        ends = phrase == term or (phrase.endswith(term) and phrase[: -len(term)].endswith((" ", "·")))
        if ends and english.lower() == eng.lower():
            return True
    return False


def uncovered(texts: dict[str, str], known: set[tuple[str, str]]) -> list[str]:
    return [f"{name}: {k}({e})" for name, text in texts.items() for k, e in sorted(introduced_pairs(text)) if not covered(k, e, known)]


def duplicates(rows: list[Row]) -> list[str]:
    return [term for term, n in Counter(r.term for r in rows).items() if n > 1]


CHAPTERS = chapter_texts()
TEXT = GLOSSARY.read_text(encoding="utf-8")
ROWS = glossary_rows(TEXT)
KNOWN = {(r.term, r.english) for r in ROWS}
# 소개 페이지는 장이 아니라 '처음 나오는 장'에는 들지 않지만, 빠진 용어를 찾는 검사에는 넣는다.
EVERY_PAGE = {"intro.md": markdown(BOOK / "intro.md"), **CHAPTERS}


def test_glossary_page_is_a_title_a_paragraph_and_a_table() -> None:
    lines = TEXT.splitlines()
    assert lines[0] == "# 용어집" and [line for line in lines if line.startswith("#")] == ["# 용어집"]
    assert table_cells(TEXT)[0] == HEADER
    assert 40 <= len(ROWS) <= 120, len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.term)
def test_row_matches_the_chapter_where_the_term_first_appears(row: Row) -> None:
    assert row_problems(row, CHAPTERS) == []


def test_no_duplicate_terms_and_sorted_in_korean_order() -> None:
    assert duplicates(ROWS) == []
    terms = [r.term for r in ROWS]
    assert terms == sorted(terms), "용어가 가나다순이 아닙니다"  # 유니코드의 한글 음절 순서가 곧 가나다순


def test_every_term_introduced_in_the_chapters_is_in_the_glossary() -> None:
    """본문의 한국어(English)는 용어집에 있거나 EXCLUDE에 까닭과 함께 적혀 있어야 한다."""
    assert uncovered(EVERY_PAGE, KNOWN | EXCLUDE) == [], "용어집에 넣거나 EXCLUDE에 까닭과 함께 적으세요"


def test_exclude_and_early_mentions_are_not_stale() -> None:
    """EXCLUDE의 쌍은 실제로 본문에 있고 용어집과 겹치지 않으며, EARLY_MENTIONS의 용어는 용어집에 있다."""
    found = {pair for text in EVERY_PAGE.values() for pair in introduced_pairs(text)}
    assert [pair for pair in sorted(EXCLUDE) if not any(covered(k, e, {pair}) for k, e in found)] == [], "본문에 없는 EXCLUDE 항목"
    assert EXCLUDE & KNOWN == set()
    assert set(EARLY_MENTIONS) <= {r.term for r in ROWS}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"label": 7, "chapter": "07_mission3_capacity_dropout.ipynb"}, "앞 장 ['05', '06']에도 나옵니다"),  # 너무 늦은 장
        ({"label": 4, "chapter": "04_mnist_practice.ipynb"}, "'과대적합'이(가) 04_mnist_practice.ipynb에 나오지 않습니다"),  # 너무 이른 장
        ({"label": 6}, "링크 글자 [6장]과 파일"),
        ({"label": 9, "chapter": "09_no_such_chapter.ipynb"}, "링크 대상 09_no_such_chapter.ipynb가 없거나"),
        ({"english": "overfit-ting"}, "'overfit-ting'이(가) 05_mission1_base_model.ipynb에 나오지 않습니다"),
    ],
)
def test_row_check_catches_a_wrong_row(change: dict, problem: str) -> None:
    right = Row("과대적합", "overfitting", "…", 5, "05_mission1_base_model.ipynb")
    assert row_problems(right, CHAPTERS) == []
    assert any(problem in p for p in row_problems(right._replace(**change), CHAPTERS)), row_problems(right._replace(**change), CHAPTERS)


def test_early_mention_must_be_listed() -> None:
    """EARLY_MENTIONS에 없는 용어가 앞 장에 먼저 나오면 잡힌다(가짜 장 두 개로)."""
    chapters = {"01_a.ipynb": "모멘텀이라는 말만 먼저 나옵니다.", "05_mission1_base_model.ipynb": "모멘텀(momentum)은 ..."}
    assert any("앞 장 ['01']" in p for p in row_problems(Row("모멘텀", "momentum", "…", 5, "05_mission1_base_model.ipynb"), chapters))


def test_completeness_and_duplicate_checks_catch_problems() -> None:
    fake = {"99_fake.ipynb": "합성곱(convolution)은 이미 있고, 새 용어(brand new term)는 없습니다."}
    assert uncovered(fake, KNOWN | EXCLUDE) == ["99_fake.ipynb: 새 용어(brand new term)"]
    assert duplicates(ROWS + ROWS[:1]) == [ROWS[0].term]
