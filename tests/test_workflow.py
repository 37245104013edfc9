"""GitHub Actions 워크플로(배포, 시드 스윕): 여기서는 실행할 수 없으니 스키마와 핵심 단계, 권한, 고정된 액션을 확인한다."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from tests.book_files import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
SWEEP = ROOT / ".github" / "workflows" / "sweep.yml"
WORKFLOWS = [WORKFLOW, SWEEP]


def workflow(path=WORKFLOW) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_github_schema(path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
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


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_commit_shas(path) -> None:
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
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


def test_sweep_workflow_fans_out_the_local_command_and_merges_into_the_same_files() -> None:
    """손으로 시작하는 스윕: plan이 만든 행렬(장 × 시드 묶음)마다 로컬과 같은 `tools.sweep run`, 마지막에 merge와 apply."""
    flow = workflow(SWEEP)
    assert set(flow[True]) == {"workflow_dispatch"}, "스윕은 손으로만 시작합니다(푸시마다 몇 시간씩 돌지 않게)"
    assert {"chapters", "seeds", "chunk"} <= set(flow[True]["workflow_dispatch"]["inputs"])
    jobs = flow["jobs"]
    assert flow["permissions"] == {} and all(job["permissions"] == {"contents": "read"} for job in jobs.values())
    assert jobs["run"]["needs"] == "plan" and jobs["merge"]["needs"] == "run"
    assert jobs["run"]["strategy"]["matrix"]["include"] == "${{ fromJSON(needs.plan.outputs.matrix) }}"
    assert jobs["run"]["strategy"]["fail-fast"] is False

    def script(job: str) -> str:
        return "\n".join(step.get("run", "") for step in jobs[job]["steps"])

    def commands(job: str) -> list:
        """그 작업이 부르는 `python -m tools.sweep ...`를 tools.sweep의 명령줄 해석기로 읽는다(환경 변수는 예시 값으로)."""
        from tools.sweep import build_parser

        sample = {"$CHAPTERS": "05 09", '"$CHAPTER"': "05", '"$SEEDS"': "1-5", '"$CHUNK"': "5", "_build/pieces/*/piece.jsonl": "a.jsonl"}
        found = []
        for line in script(job).splitlines():
            if "-m tools.sweep " in line:
                words = line.split("-m tools.sweep ", 1)[1].split(")")[0]
                for name, value in sample.items():
                    words = words.replace(name, value)
                found.append(build_parser().parse_args(shlex.split(words)))
        return found

    (plan,) = commands("plan")
    (run,) = commands("run")
    merge, apply = commands("merge")
    assert (plan.command, run.command, merge.command, apply.command) == ("plan", "run", "merge", "apply")
    assert run.chapters == ["05"] and run.seeds == [1, 2, 3, 4, 5] and run.sweep_file is not None
    uploads = [s for s in jobs["run"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    downloads = [s for s in jobs["merge"]["steps"] if s.get("uses", "").startswith("actions/download-artifact@")]
    assert uploads[0]["with"]["path"] == run.sweep_file.as_posix(), "러너가 쓴 조각 파일을 올려야 합니다"
    assert "_build/pieces/*/" + run.sweep_file.name in script("merge"), "merge는 내려받은 조각 파일들을 읽어야 합니다"
    assert downloads[0]["with"]["pattern"] == "sweep-piece-*" and uploads[0]["with"]["name"].startswith("sweep-piece-")
    assert "${{" not in script("plan") + script("run") + script("merge"), "입력값은 env로 넘깁니다(스크립트 주입 방지)"
