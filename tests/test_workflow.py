"""GitHub Actions 배포 워크플로: 여기서는 실행할 수 없으니 스키마와 핵심 단계, 권한, 고정된 액션을 확인한다."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from tests.book_files import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_matches_github_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_the_same_ci_then_deploys_pages() -> None:
    flow = workflow()
    assert flow[True]["push"]["branches"] == ["main"]  # YAML 1.1은 'on'을 True로 읽는다
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [step.get("run") for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert runs.count("bash .ci/run") == 1 and [r for r in runs if r] == ["bash .ci/run"], "빌드 작업은 .ci/run만 돌려야 합니다"
    upload = uses.index("actions/upload-pages-artifact")
    assert runs.index("bash .ci/run") < upload
    assert build["steps"][upload]["with"]["path"] == "_build/html"
    assert build["timeout-minutes"] >= 90, "CI의 시간 제한(90분)보다 짧으면 러너에서만 실패합니다"
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].split("@")[0] == "actions/deploy-pages"


def test_pages_permissions_belong_to_the_deploy_job_only() -> None:
    flow = workflow()
    assert flow["permissions"] == {}
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_third_party_actions_are_pinned_to_commit_shas() -> None:
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{action}: 태그가 아니라 커밋 SHA 40자리로 고정하세요"


def test_runner_has_every_python_the_install_test_needs() -> None:
    """설치 검사(소개 페이지의 범위)와 Colab 검사(3.13)가 쓰는 파이썬을 러너에 setup-python이 모두 준다."""
    from tests.test_local_install import intro_pythons, make_pythons

    steps = [step for step in workflow()["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert len(steps) == 1
    given = str(steps[0]["with"]["python-version"]).split()
    assert set(intro_pythons()) | set(make_pythons()) | {"3.13"} <= set(given), given
