"""만들어진 정적 사이트: 링크, 그림의 한국어 대체 텍스트, 한국어 검색 색인."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.book_files import HTML, ROOT, mission_notebooks, skip_or_fail, toc_files
from tests.site_check import check_links, images_without_korean_alt, site_pages


@pytest.fixture(scope="session")
def site() -> Path:
    if not (HTML / "index.html").exists():
        skip_or_fail("사이트가 없습니다. 먼저 `make site`로 _build/html을 만드세요.")
    return HTML


def test_every_toc_page_is_built(site: Path) -> None:
    pages = {p.relative_to(site).with_suffix("").as_posix() for p in site_pages(site)}
    assert set(toc_files()) <= pages


def test_internal_links_resolve(site: Path) -> None:
    problems, external = check_links(site)
    assert problems == []
    # 외부 링크는 네트워크 없이 열 수 없으니 목록만 남긴다.
    (ROOT / "_build" / "external-links.txt").write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert any("colab.research.google.com" in url for url in external)


def test_link_check_catches_a_missing_image(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "html"
    shutil.copytree(site, broken)
    page = broken / "book" / "04_mnist_practice.html"
    image = re.search(r'src="\.\./(_images/[^"]+\.png)"', page.read_text(encoding="utf-8")).group(1)
    (broken / image).unlink()
    problems, _ = check_links(broken)
    assert any(image in p and "파일이 없습니다" in p for p in problems)


def test_figures_have_korean_alt_text(site: Path) -> None:
    assert images_without_korean_alt(site) == []


@pytest.mark.parametrize("term", ["합성곱", "드롭아웃", "조기"])
def test_search_index_has_korean_terms(site: Path, term: str) -> None:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    assert any(term in word for word in index["terms"]), term


@pytest.mark.parametrize("chapter", [nb.stem for nb in mission_notebooks()])
def test_mission_solutions_are_collapsed(site: Path, chapter: str) -> None:
    """풀이 셀(hide-input)의 코드는 닫힌 <details> 안에 있어야 한다: 학습자가 먼저 풀어 볼 수 있도록."""
    html = (site / "book" / f"{chapter}.html").read_text(encoding="utf-8")
    cells = re.findall(r'<div class="cell tag_hide-input[^"]*">(.*?)<div class="cell_output', html, flags=re.S)
    assert cells, "풀이 셀이 없습니다"
    for cell in cells:
        assert re.search(r"<details class=\"[^\"]*hide above-input\"(?![^>]*\bopen\b)", cell), "풀이 코드가 접혀 있지 않습니다"


def test_quiz_answers_are_collapsed(site: Path) -> None:
    """노트북의 <details> 정답은 사이트에서도 닫힌 채로 그려지고, 정답 문장은 그 안에만 있다."""
    html = (site / "book" / "03_epoch_iteration_batch.html").read_text(encoding="utf-8")
    answers = re.findall(r"<details(?P<attrs>[^>]*)>\s*<summary>정답 보기</summary>(?P<body>.*?)</details>", html, flags=re.S)
    assert answers, "3장 퀴즈의 정답 상자가 없습니다"
    assert all("open" not in attrs for attrs, _ in answers)
    assert "<strong>50번</strong>" in answers[0][1] and html.count("<strong>50번</strong>") == 1


# 테마가 영어로 박아 둔 이름 가운데 아직 바꾸지 못한 것(sphinx-book-theme의 파이썬 코드와 layout.html 안): README "사이트 검사"
ENGLISH_LEFT = {"Launch interactive content", "Page"}


def test_frame_and_toggle_names_are_korean(site: Path) -> None:
    """화면 읽기 프로그램이 읽는 이름(aria-label)이 한국어다: 테마의 틀(검색, 색 모드, 차례)과 접힌 코드의 단추."""
    english = {}
    for page in site_pages(site):
        html = page.read_text(encoding="utf-8")
        labels = set(re.findall(r'aria-label="([^"]*)"', html))
        left = {label for label in labels - ENGLISH_LEFT if re.fullmatch(r"[A-Za-z .,'()+-]+", label)}
        if left:
            english[page.relative_to(site).as_posix()] = sorted(left)
        assert "<summary aria-label" not in html, f"{page.name}: 접힌 코드의 단추에 aria-label이 남았습니다(_ext/korean_toggle.py)"
    assert english == {}, f"영어 aria-label: {english}"
    chapter = (site / "book" / "05_mission1_base_model.html").read_text(encoding="utf-8")
    assert 'aria-label="화면 색 모드' in chapter and 'aria-label="검색 Ctrl+K"' in chapter and "본문으로 건너뛰기" in chapter


def test_overridden_theme_template_follows_the_installed_theme() -> None:
    """_templates/sbt-sidebar-nav.html은 설치된 sphinx-book-theme의 것과 aria-label 한 곳만 다르다(테마를 올리면 다시 복사)."""
    import sphinx_book_theme

    theme = Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "components" / "sbt-sidebar-nav.html"
    ours = (ROOT / "_templates" / "sbt-sidebar-nav.html").read_text(encoding="utf-8").split("\n", 1)[1]
    assert ours.replace('aria-label="책 차례"', 'aria-label="Main"') == theme.read_text(encoding="utf-8")
