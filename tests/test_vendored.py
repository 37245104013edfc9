"""넣어 둔 남의 파일: 사이트의 자바스크립트·글꼴(_assets/)과 테스트의 axe-core(tests/vendor/).
목록(VENDORED.json)과 실제 파일, 라이선스, myst-nb가 쓰는 위젯 관리자 버전."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from tests.book_files import ROOT

ASSETS = ROOT / "_assets"
MANIFEST = json.loads((ASSETS / "VENDORED.json").read_text(encoding="utf-8"))
FOLDERS = [ASSETS, ROOT / "tests" / "vendor"]
DOCS = re.compile(r"(^|/)(README\.md|LICENSE[^/]*)$")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_vendored_file_matches_its_checksum_and_has_a_licence(folder) -> None:
    for entry in json.loads((folder / "VENDORED.json").read_text(encoding="utf-8"))["files"]:
        path = folder / entry["path"]
        assert path.is_file(), f"{entry['path']}: 목록에는 있는데 파일이 없습니다"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], f"{entry['path']}: 내용이 목록의 체크섬과 다릅니다"
        assert entry["package"] and entry["version"] and entry["source"] and entry["licence"]
        assert (folder / entry["licence_file"]).is_file(), f"{entry['path']}: 라이선스 파일 {entry['licence_file']}이 없습니다"


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_file_in_assets_is_listed(folder) -> None:
    manifest = json.loads((folder / "VENDORED.json").read_text(encoding="utf-8"))
    listed = {e["path"] for e in manifest["files"]} | set(manifest["own"]) | {"VENDORED.json"}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    unlisted = sorted(p for p in present - listed if not DOCS.search(p))
    assert unlisted == [], "VENDORED.json에 출처·라이선스·체크섬을 적으세요"
    assert not listed - present - {"VENDORED.json"}


def test_widget_manager_is_the_version_myst_nb_would_load() -> None:
    """myst-nb가 CDN에서 불러올 html-manager와 같은 버전이어야 저장된 위젯 상태를 똑같이 그린다."""
    from myst_nb.core.config import NbParserConfig

    default = next(url for url in NbParserConfig().ipywidgets_js if "html-manager@" in url)
    version = re.search(r"html-manager@([\d.]+)/", default).group(1)
    vendored = {e["version"] for e in MANIFEST["files"] if e["package"] == "@jupyter-widgets/html-manager"}
    assert vendored == {version}
