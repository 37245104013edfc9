"""실제 브라우저(Debian의 headless Chromium + Playwright)로 사이트의 모든 페이지를 열어 본다.

페이지마다 스크린샷을 _build/screenshots/에 남긴다.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.book_files import HTML, ROOT, colab_link, skip_or_fail
from tests.site_check import inspect_page, serve, site_pages

pytestmark = pytest.mark.slow  # make check에서는 건너뛴다(make test에서 돈다)

CHROMIUM = os.environ.get("MNIST_COURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "_build" / "screenshots"
PAGES = site_pages(HTML) if HTML.exists() else []


def _require(condition: bool, message: str) -> None:
    if not condition:
        skip_or_fail(message)


@pytest.fixture(scope="module")
def playwright() -> Iterator[object]:
    _require((HTML / "index.html").exists(), "사이트가 없습니다. 먼저 `make site`를 실행하세요.")
    _require(Path(CHROMIUM).exists(), f"Chromium이 없습니다({CHROMIUM}). Debian에서는 `apt-get install chromium fonts-noto-cjk`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve(HTML) as url:
        yield url


def expected_colab(page_path: Path) -> str | None:
    notebook = ROOT / page_path.relative_to(HTML).with_suffix(".ipynb")
    return colab_link(notebook) if notebook.exists() else None


@pytest.mark.parametrize("page_path", PAGES, ids=lambda p: p.relative_to(HTML).as_posix())
def test_page_in_browser(browser, base_url: str, page_path: Path) -> None:
    rel = page_path.relative_to(HTML)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        result = inspect_page(page, f"{base_url}/{rel.as_posix()}", base_url, SCREENSHOTS / rel.with_suffix(".png"))
    finally:
        page.close()
    assert result["errors"] == []
    assert result["broken_images"] == []
    assert result["font_problem"] is None
    colab = expected_colab(page_path)
    if colab:
        assert result["colab"] == [colab]


@pytest.mark.parametrize("page_path", PAGES, ids=lambda p: p.relative_to(HTML).as_posix())
def test_phone_width_breaks_between_words_without_sideways_scroll(browser, base_url: str, page_path: Path) -> None:
    """휴대전화 너비(390px): 본문이 낱말 사이에서만 줄을 바꾸고(word-break: keep-all), 페이지가 옆으로 밀리지 않는다."""
    rel = page_path.relative_to(HTML)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{base_url}/{rel.as_posix()}", wait_until="networkidle")
        found = page.evaluate(
            """() => ({
                wordBreak: getComputedStyle(document.querySelector('article p') || document.body).wordBreak,
                overflowWrap: getComputedStyle(document.body).overflowWrap,
                sideways: document.documentElement.scrollWidth - window.innerWidth,
            })"""
        )
        if rel.as_posix() == CHAPTER.as_posix():
            (SCREENSHOTS / "phone" / rel).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "phone" / rel.with_suffix(".png")), full_page=False)
    finally:
        page.close()
    assert found["wordBreak"] == "keep-all", f"{rel}: 본문의 word-break가 {found['wordBreak']}입니다"
    assert found["overflowWrap"] == "anywhere"
    assert found["sideways"] <= 0, f"{rel}: 390px에서 페이지가 옆으로 {found['sideways']}px 밀립니다"


def _contrast_on_white(rgb: str) -> float:
    """'rgb(0, 122, 0)' 글자색과 흰 바탕의 명암비(WCAG 2.1)."""
    channels = [int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_keras_summary_colours_are_readable(browser, base_url: str) -> None:
    """model.summary()가 남긴 터미널 색 글자가 밝은 테마에서 4.5:1 이상으로 보인다."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base_url}/book/09_cnn_mnist.html", wait_until="networkidle")
        colours = page.evaluate(
            """() => Array.from(document.querySelectorAll('.output [style*="color: #"]')).map(e => getComputedStyle(e).color)"""
        )
    finally:
        page.close()
    assert len(colours) >= 10, "9장에서 model.summary()의 색 글자를 찾지 못했습니다"
    low = sorted({c for c in colours if _contrast_on_white(c) < 4.5})
    assert low == [], f"흰 바탕에서 4.5:1이 안 되는 글자색: {low}"


def test_korean_search_finds_chapters(browser, base_url: str) -> None:
    page = browser.new_page()
    try:
        for term in ("합성곱", "드롭아웃", "조기 종료"):
            page.goto(f"{base_url}/search.html?q={term}", wait_until="networkidle")
            page.wait_for_selector("#search-results ul.search li", timeout=10000)
            assert page.locator("#search-results ul.search li").count() >= 1, term
    finally:
        page.close()


# 접근성: axe-core(Lighthouse와 대부분의 브라우저 점검 도구가 쓰는 엔진, tests/vendor/)의 WCAG 2.1 A·AA 규칙
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """지금 페이지에서 axe-core가 찾은 WCAG 2.1 A·AA 위반: "규칙 (심각도): 요소들" 한 줄씩."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [
        f"{v['id']} ({v['impact']}): " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) + f" — {v['help']}"
        for v in result["violations"]
    ]


def open_for_axe(page, url: str) -> None:
    """페이지를 열고, 저장된 위젯이 있으면 위젯이 다 그려질 때까지 기다린다(위젯도 검사 대상)."""
    page.goto(url, wait_until="networkidle")
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        page.wait_for_selector(".jupyter-widgets", timeout=15000)
        page.wait_for_timeout(500)


VIEWS = {"light": ("light", 1280), "dark": ("dark", 1280), "phone": ("light", 390)}  # 테마(색 모드)와 화면 너비


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("page_path", PAGES, ids=lambda p: p.relative_to(HTML).as_posix())
def test_page_has_no_wcag_violations(browser, base_url: str, page_path: Path, view: str) -> None:
    """책의 모든 페이지(본문, 위젯, 테마의 틀)에 WCAG 2.1 A·AA 위반이 하나도 없다(axe-core): 밝은 테마, 어두운 테마, 휴대전화 너비."""
    rel = page_path.relative_to(HTML)
    mode, width = VIEWS[view]
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.add_init_script(f"localStorage.setItem('mode', '{mode}')")  # 테마가 읽는 색 모드 설정
        open_for_axe(page, f"{base_url}/{rel.as_posix()}")
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        found = axe_violations(page)
    finally:
        page.close()
    assert found == [], f"{rel} ({view}):\n" + "\n".join(found)


def test_axe_check_fails_on_a_planted_violation(browser, base_url: str) -> None:
    """검사가 실패할 수 있는지: 대비가 낮은 글자, alt 없는 그림, 이름 없는 슬라이더를 심으면 axe가 셋 다 찾는다."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_for_axe(page, f"{base_url}/book/intro.html")
        page.evaluate(
            """() => document.querySelector('article').insertAdjacentHTML('afterbegin',
                 '<p style="color:#bbbbbb;background:#ffffff">흐린 글자</p>' +
                 '<img src="../_static/images/logo_colab.png">' +
                 '<div role="slider" tabindex="0" aria-valuenow="1" aria-valuemin="0" aria-valuemax="2"></div>')"""
        )
        found = " ".join(axe_violations(page))
    finally:
        page.close()
    for rule in ("color-contrast", "image-alt", "aria-input-field-name"):
        assert rule in found, f"심은 위반 {rule}을 axe가 찾지 못했습니다: {found}"


# 위젯이 있는 장과, 저장된 위젯 상태로 그려져야 할 글자들
WIDGET_PAGES = {
    "book/03_epoch_iteration_batch.html": ["채점", "1,563"],  # 퀴즈 버튼, 계산기 결과(50,000 ÷ 32)
    "book/04_mnist_practice.html": ["1001"],  # 숫자 브라우저의 슬라이더 값
    "book/05_mission1_base_model.html": ["학습 시작", "(완료)"],  # 놀이터 버튼, 기본 학습을 마친 상태
}


@pytest.mark.parametrize("rel", sorted(WIDGET_PAGES))
def test_saved_widgets_render_in_the_page(browser, base_url: str, rel: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base_url}/{rel}", wait_until="networkidle")
        page.wait_for_selector(".jupyter-widgets.widget-container, .jupyter-widgets", timeout=15000)
        text = page.locator(".jupyter-widgets").all_inner_texts()  # 위젯이 그린 요소 안의 글자만
    finally:
        page.close()
    widget_text = "\n".join(text)
    for expected in WIDGET_PAGES[rel]:
        assert expected in widget_text, f"{rel}: 위젯에 '{expected}'가 보이지 않습니다"


MATH_PAGES = ["book/01_cnn_concepts.html", "book/02_how_networks_learn.html", "book/03_epoch_iteration_batch.html"]


@pytest.mark.parametrize("rel", MATH_PAGES)
def test_math_is_typeset_without_network(browser, base_url: str, rel: str) -> None:
    """수식은 사이트 안의 MathJax로 그려져야 한다(인터넷 없이도)."""
    page = browser.new_page()
    try:
        page.goto(f"{base_url}/{rel}", wait_until="networkidle")
        page.wait_for_selector("mjx-container", timeout=15000)
        raw = page.locator("article").inner_text()
    finally:
        page.close()
    assert "\\frac" not in raw and "\\lceil" not in raw and "\\times" not in raw, "그려지지 않은 LaTeX가 보입니다"


# --- 검사가 정말 실패할 수 있는지: 일부러 망가뜨린 사이트로 확인한다 ---

CHAPTER = Path("book") / "04_mnist_practice.html"


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    copy = tmp_path / "html"
    shutil.copytree(HTML, copy)
    return copy


def test_detects_broken_image(browser, broken_site: Path) -> None:
    html = (broken_site / CHAPTER).read_text(encoding="utf-8")
    image = html.split('src="../_images/', 1)[1].split('"', 1)[0]
    (broken_site / "_images" / image).unlink()
    with serve(broken_site) as url:
        page = browser.new_page()
        result = inspect_page(page, f"{url}/{CHAPTER.as_posix()}", url)
        page.close()
    assert any(image in src for src in result["broken_images"])
    assert any("404" in e and image in e for e in result["errors"])


def test_detects_wrong_colab_link(browser, broken_site: Path) -> None:
    page_file = broken_site / CHAPTER
    good = colab_link(ROOT / "book" / "04_mnist_practice.ipynb")
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("/blob/main/book/", "/blob/main/book/book/"), encoding="utf-8")
    with serve(broken_site) as url:
        page = browser.new_page()
        result = inspect_page(page, f"{url}/{CHAPTER.as_posix()}", url)
        page.close()
    assert result["colab"] and result["colab"] != [good]


def test_detects_missing_hangul_font(playwright, base_url: str, tmp_path: Path) -> None:
    """한글 글꼴이 없는 fontconfig로 띄운 Chromium에서는 글꼴 검사가 문제를 찾아야 한다."""
    latin_only = tmp_path / "fonts.conf"
    latin_only.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(latin_only)}
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
    try:
        page = browser.new_page()
        result = inspect_page(page, f"{base_url}/{CHAPTER.as_posix()}", base_url)
    finally:
        browser.close()
    assert result["font_problem"] is not None
    assert "한글" in result["font_problem"]
