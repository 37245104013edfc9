"""GitHub Actions 배포 워크플로: 여기서는 실행할 수 없으니 스키마와 핵심 단계만 확인한다."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.book_files import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_workflow_matches_github_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_then_deploys_pages() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow[True]["push"]["branches"] == ["main"]  # YAML 1.1은 'on'을 True로 읽는다
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [step.get("run") for step in build["steps"]]
    uses = [step.get("uses", "") for step in build["steps"]]
    assert "make test" in runs
    assert runs.index("make test") < uses.index("actions/upload-pages-artifact@v3")
    assert build["steps"][uses.index("actions/upload-pages-artifact@v3")]["with"]["path"] == "_build/html"
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"] == "actions/deploy-pages@v4"
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
