"""내 컴퓨터에서 설치하는 두 길을, 그 길이 약속하는 모든 파이썬 버전에서 새 폴더에 실제로 밟아 본다.

- 학습자: 소개 페이지의 "내 컴퓨터에서" 명령을 글자 그대로 실행하고(python3가 그 버전이 되게 PATH를 둔다),
  JupyterLab 서버에 book/을 물어본 뒤, 4장을 새 커널에서 범위 확인까지 실행한다.
- 관리자: README의 `make` 길. 범위 안의 버전마다 `make check`가 새 가상 환경에서 통과하고, 범위 밖의 버전은 분명한 말로 거절된다.

시스템 패키지 줄(sudo apt-get)은 .ci/run이 이미 설치한 것이라 건너뛰고, git clone/cd 대신 저장소 파일을 옮긴 새 폴더에서 돈다.
어떤 버전의 파이썬을 찾지 못하면 로컬에서는 건너뛰고 CI(CI=true)에서는 실패한다. 찾는 순서는 tools/pythons.py.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.book_files import ROOT, config, skip_or_fail
from tests.test_github_runner import fresh_checkout
from tools.pythons import find_python

pytestmark = pytest.mark.slow  # make check에서는 건너뛴다(make test에서 돈다)

INTRO = ROOT / "book" / "intro.md"
README = ROOT / "README.md"
SHORT_CHAPTER = "04_mnist_practice.ipynb"  # 설치마다 실행해 보는 짧은 장(수십 초)
RUNNING = "{}.{}".format(*sys.version_info[:2])  # 이 테스트를 돌리는 파이썬(make test의 가상 환경)


def versions_between(text: str, pattern: str) -> list[str]:
    """글에서 '3.10~3.13' 꼴의 범위를 찾아 그 사이의 모든 버전을 ["3.10", ..., "3.13"]으로."""
    match = re.search(pattern, text)
    assert match, f"범위를 적은 문장이 없습니다: {pattern}"
    (major, lo), (_, hi) = (map(int, v.split(".")) for v in match.groups())
    return [f"{major}.{minor}" for minor in range(lo, hi + 1)]


def intro_pythons() -> list[str]:
    return versions_between(INTRO.read_text(encoding="utf-8"), r"\*\*내 컴퓨터에서\*\*: 파이썬 (3\.\d+)\\?~(3\.\d+)")


def make_pythons() -> list[str]:
    return versions_between(README.read_text(encoding="utf-8"), r"파이썬 (3\.\d+)\\?~(3\.\d+)과 `make`")


def code_block(language: str) -> list[str]:
    """소개 페이지의 "내 컴퓨터에서" 다음에 나오는 첫 `language` 코드 블록의 줄들."""
    block = re.search(rf"\*\*내 컴퓨터에서\*\*.*?```{language}\n(.*?)```", INTRO.read_text(encoding="utf-8"), re.S)
    assert block, f"소개 페이지에 '내 컴퓨터에서' 다음 {language} 명령 블록이 없습니다"
    return [line for line in block.group(1).splitlines() if line.strip()]


def local_commands() -> list[str]:
    return code_block("bash")


def python_or_skip(version: str) -> str:
    python = find_python(version)
    if python is None:
        skip_or_fail(f"Python {version}을 찾지 못했습니다(/usr/bin, PATH, pyenv). GitHub 러너에서는 setup-python이 줍니다.")
    return python


def test_clone_command_matches_the_repository() -> None:
    clone = next(line for line in local_commands() if line.startswith("git clone "))
    url = config()["repository"]["url"]
    assert clone == f"git clone {url}.git"
    assert f"cd {url.rsplit('/', 1)[1]}" in local_commands()


def test_windows_route_runs_the_same_steps() -> None:
    """Windows(PowerShell) 블록은 Linux 블록과 같은 저장소, 같은 설치 줄, 같은 마지막 명령을 쓰고 PowerShell 방식으로 켠다."""
    linux, windows = local_commands(), code_block("powershell")
    for step in ("git clone ", "cd ", "pip install ", "jupyter lab "):
        assert [c for c in windows if c.startswith(step)] == [c for c in linux if c.startswith(step)], step
    assert ".venv\\Scripts\\Activate.ps1" in windows


def test_the_readme_range_is_the_makefiles() -> None:
    """README가 적은 make의 범위는 Makefile이 지키는 범위와 같고, 학습자의 범위 안에 있다."""
    makefile = re.search(r"^PYTHON_RANGE := (\S+) (\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert make_pythons()[0] == makefile[1] and make_pythons()[-1] == makefile[2]
    assert set(make_pythons()) <= set(intro_pythons())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_jupyterlab(checkout: Path, env: dict[str, str], command: str, log: Path) -> None:
    """소개 페이지의 마지막 명령으로 JupyterLab을 띄워 book/의 목록과 커널을 물어보고 끈다. 서버 설정은 명령이 아니라 설정 폴더로."""
    port, token = free_port(), "local-install-test"
    config_dir = log.parent / "jupyter-config"
    config_dir.mkdir()
    server = {"ServerApp": {"port": port, "token": token, "open_browser": False, "allow_root": True, "ip": "127.0.0.1"}}
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(server))
    process = subprocess.Popen(["bash", "-c", f". .venv/bin/activate\nexec {command}\n"], cwd=checkout,
                               env={**env, "JUPYTER_CONFIG_DIR": str(config_dir)}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        listing = None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            try:
                listing = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/?token={token}", timeout=5))
                break
            except OSError:
                time.sleep(2)
        assert listing is not None, f"JupyterLab 서버가 뜨지 않았습니다:\n{log.read_text(errors='replace')[-3000:]}"
        names = {item["name"] for item in listing["content"]}
        assert {SHORT_CHAPTER, "09_cnn_mnist.ipynb"} <= names, names
        specs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=5))
        assert "python3" in specs["kernelspecs"]
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("version", intro_pythons())
def test_intro_instructions_install_and_run_a_chapter(version: str, real_mnist_dir: Path, tmp_path: Path) -> None:
    python = python_or_skip(version)
    commands = local_commands()
    assert commands[-1] == "jupyter lab book/"
    setup = [c for c in commands[:-1] if not c.startswith(("sudo ", "git clone ", "cd "))]
    checkout = fresh_checkout(tmp_path / "cnn-mnist-book")
    # 새 Debian/Ubuntu처럼 PATH는 /usr/bin:/bin, 다만 python3는 이 버전
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(python)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", str(tmp_path)),  # pip 캐시는 그대로 쓴다
        "LANG": "C.UTF-8",
        "MNIST_COURSE_DATA": str(real_mnist_dir),
    }
    install = subprocess.run(["bash", "-c", "set -e\n" + "\n".join(setup)], cwd=checkout, env=env, capture_output=True, text=True)
    assert install.returncode == 0, f"Python {version}: 설치 실패\n{install.stdout[-1500:]}\n{install.stderr[-3000:]}"

    start_jupyterlab(checkout, env, commands[-1], tmp_path / "jupyter.log")

    # 노트북이 부르는 것이 모두 그 가상 환경의 그 버전에 있고, mnist_course는 이 폴더의 것이다
    venv_python = checkout / ".venv" / "bin" / "python"
    probe = ("import sys, mnist_course, tensorflow, keras, ipywidgets, koreanize_matplotlib, matplotlib; "
             "print('%d.%d' % sys.version_info[:2], mnist_course.__file__)")
    result = subprocess.run([str(venv_python), "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={**env, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode == 0, result.stderr[-2000:]
    found_version, package = result.stdout.split()
    assert found_version == version and package.startswith(str(checkout)), result.stdout

    # 짧은 장 하나를 새 커널에서: 오류, stderr 출력, 범위 확인 실패가 없어야 한다
    run = subprocess.run([str(venv_python), str(ROOT / "tools" / "run_chapters.py"), "--out", str(tmp_path / "executed"),
                          str(checkout / "book" / SHORT_CHAPTER)], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert run.returncode == 0, f"Python {version}: {SHORT_CHAPTER} 실행 실패\n{run.stdout[-1000:]}\n{run.stderr[-3000:]}"
    passed = re.search(r"범위 확인 (\d+)개 통과", run.stdout)
    assert passed and int(passed[1]) >= 1, run.stdout


@pytest.mark.parametrize("version", make_pythons())
def test_make_check_passes_on_every_python_the_readme_names(version: str, tmp_path: Path) -> None:
    if version == RUNNING:
        pytest.skip(f"Python {version}: 이 테스트를 돌리는 make test 자체가 그 버전의 make 길입니다")
    python = python_or_skip(version)
    checkout = fresh_checkout(tmp_path / "cnn-mnist-book")
    # 관리자가 자기 컴퓨터에서 돌리듯 CI 표시 없이: 사이트(_build/html)가 없으면 사이트 검사는 건너뛴다(make check의 약속).
    env = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith(("VIRTUAL_ENV", "PYTEST"))}
    result = subprocess.run(["make", "check", f"PYTHON={python}"], cwd=checkout, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"Python {version}: make check 실패\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"
    assert re.search(r"\d+ passed", result.stdout), result.stdout[-1000:]


def test_make_refuses_a_python_below_its_range(tmp_path: Path) -> None:
    lowest = make_pythons()[0]
    below = f"3.{int(lowest.split('.')[1]) - 1}"
    python = python_or_skip(below)
    result = subprocess.run(["make", "setup", f"PYTHON={python}", f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"make에는 파이썬 {lowest}~{make_pythons()[-1]}이 필요합니다" in result.stderr, result.stderr
    assert not (tmp_path / "venv").exists(), "범위 밖의 파이썬으로 가상 환경을 만들기 시작했습니다"
