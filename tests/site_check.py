"""만들어진 사이트(_build/html)를 검사하는 함수들. 정상 사이트 테스트와 '일부러 망가뜨린' 테스트가 함께 쓴다."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.book_files import HANGUL

LINK_ATTRS = (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"))


def site_pages(site: Path) -> list[Path]:
    """사이트의 HTML 페이지(정적 파일 폴더 제외)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(el.get("id") or el.get("name") for el in soup.find_all(attrs={"id": True}) + soup.find_all("a", attrs={"name": True}))


def check_links(site: Path) -> tuple[list[str], set[str]]:
    """내부 링크·앵커·이미지·스크립트가 모두 있는지 본다. (문제 목록, 외부 링크 집합)을 돌려준다. 외부 링크는 열지 않는다."""
    _ids.cache_clear()
    problems: list[str] = []
    external: set[str] = set()
    for page in site_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in LINK_ATTRS:
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url:
                    continue
                parts = urlsplit(url)
                if parts.scheme in ("http", "https"):
                    external.add(url)
                    continue
                if parts.scheme in ("mailto", "javascript", "data", "blob") or url.startswith("//"):
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                where = f"{page.relative_to(site)}: <{tag} {attr}={url!r}>"
                if not target.exists():
                    problems.append(f"{where} -> 파일이 없습니다")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                    problems.append(f"{where} -> 앵커(anchor) #{parts.fragment}가 없습니다")
    return problems, external


def images_without_korean_alt(site: Path) -> list[str]:
    """본문(article)의 그림 중 한국어 대체 텍스트(alt)가 없는 것."""
    missing = []
    for page in site_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("article img"):
            if not HANGUL.search(img.get("alt", "")):
                missing.append(f"{page.relative_to(site)}: {img.get('src')} (alt={img.get('alt')!r})")
    return missing


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """directory를 127.0.0.1의 빈 포트에서 HTTP로 제공하고 기본 주소를 돌려준다."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@functools.lru_cache(maxsize=1)
def hangul_font_families() -> frozenset[str]:
    """이 컴퓨터에서 한글(가) 글리프가 있는 글꼴 이름들 (fontconfig)."""
    out = subprocess.run(["fc-list", ":charset=ac00", "family"], capture_output=True, text=True, check=True).stdout
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def inspect_page(page, url: str, base: str, screenshot: Path | None = None) -> dict:
    """Playwright 페이지로 url을 열어 자바스크립트 오류, 실패한 요청, 깨진 그림, 한글 글꼴, Colab 링크를 모은다."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"자바스크립트 오류(JavaScript error): {exc}"))
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 and r.url.startswith(base) else None)
    page.on("requestfailed", lambda r: errors.append(f"요청 실패: {r.url}") if r.url.startswith(base) else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # 위젯 스크립트가 그림을 그릴 시간

    broken = page.evaluate(
        """() => Array.from(document.querySelectorAll('article img'))
              .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.getAttribute('src'))"""
    )
    colab = page.evaluate("() => Array.from(document.querySelectorAll('a[href*=\"colab.research.google.com\"]')).map(a => a.href)")

    # 화면에 보이는 첫 제목(h1)을 실제로 그린 글꼴: Chromium 개발자 도구 프로토콜(CDP)에 묻는다.
    heading = page.evaluate(
        """() => { const h = Array.from(document.querySelectorAll('h1')).find(e => e.offsetParent !== null);
                   h.setAttribute('data-font-probe', ''); return h.innerText; }"""
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-font-probe]"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    hangul_glyphs = sum(f["glyphCount"] for f in fonts if f["familyName"] in hangul_font_families())
    needed = len(HANGUL.findall(heading))
    font_problem = None
    if needed and hangul_glyphs < needed:
        used = ", ".join(f"{f['familyName']}({f['glyphCount']})" for f in fonts)
        font_problem = f"제목 {heading!r}의 한글 {needed}자 중 {hangul_glyphs}자만 한글 글꼴로 그려졌습니다. 사용된 글꼴: {used}"

    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    return {"errors": errors, "broken_images": broken, "colab": colab, "font_problem": font_problem, "heading": heading}
