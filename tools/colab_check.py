"""Colab 런타임 검사: Colab에서 이 책이 정말 도는지, 이 컴퓨터에서 흉내 내어 확인한다.

    python -m tools.colab_check                 # 모든 장
    python -m tools.colab_check --chapters 02 07

1. Python 3.13 가상 환경(.venv-colab/)에 Colab의 패키지 버전(colab/pip-freeze.txt를 pip 제약으로)을 설치한다.
2. google.colab 모듈이 늘 불려 있게 한다(Colab처럼). 그래서 각 장의 첫 셀이 실제로 %pip install을 한다.
3. 첫 셀과 똑같은 명령으로 mnist_course를 설치하고, Colab에 있던 패키지가 하나라도 올라가거나 내려가면 실패한다.
   인터넷이 없어도 되도록 git 설정(url.*.insteadOf)으로 GitHub 주소를 이 작업 폴더로 만든 임시 저장소(태그 v{version})로 돌린다.
4. 장마다 새 커널에서 처음부터 끝까지 실행한다(작업 폴더는 빈 임시 폴더: 저장소 파일 없이, 설치한 패키지만으로).
   오류, stderr 출력, 범위 확인 실패가 하나라도 있으면 실패한다. 실행된 노트북은 _build/colab/에 남는다.

실행에 쓰는 파이썬 3.13은 --python, 환경 변수 COLAB_PYTHON, /usr/bin/python3.13, PATH의 python3.13, pyenv의 3.13 순으로 찾는다.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import NoReturn

from tools.pythons import find_python

ROOT = Path(__file__).resolve().parent.parent
FREEZE = ROOT / "colab" / "pip-freeze.txt"
COLAB_PYTHON = "3.13"
# 노트북이 쓰는, Colab에 이미 있는 패키지들(의존성은 제약 파일이 Colab 버전으로 고정한다)
COLAB_PACKAGES = ["pip", "tensorflow", "keras", "numpy", "matplotlib", "ipywidgets", "ipykernel", "ipython", "nbclient", "nbformat"]
STUB = '"""Colab 런타임 검사용 빈 google.colab: 노트북이 Colab에서 실행 중이라고 여기게 한다."""\n'


def fail(message: str) -> NoReturn:
    print(f"Colab 검사 실패: {message}", file=sys.stderr)
    raise SystemExit(1)


def find_colab_python(given: str | None) -> str:
    python = find_python(COLAB_PYTHON, given, os.environ.get("COLAB_PYTHON"))
    if python is None:
        fail(f"Python {COLAB_PYTHON}을 찾지 못했습니다. --python 또는 COLAB_PYTHON으로 알려 주세요.")
    return python


def package_name(name: str) -> str:
    """pip이 같은 패키지로 보는 이름끼리 같게: 소문자, '_' 대신 '-'."""
    return name.lower().replace("_", "-")


def colab_versions() -> dict[str, str]:
    """Colab의 pip freeze에서 '이름==버전' 줄만(URL로 설치된 줄은 pip 제약으로 쓸 수 없어 뺀다)."""
    lines = (line.strip() for line in FREEZE.read_text(encoding="utf-8").splitlines())
    return {package_name(m[1]): m[2] for line in lines if (m := re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line))}


def constraints() -> str:
    """Colab의 버전을 pip 제약(constraints) 파일 내용으로."""
    return "".join(f"{name}=={version}\n" for name, version in colab_versions().items())


def freeze(python: Path) -> dict[str, str]:
    listing = subprocess.run([str(python), "-m", "pip", "list", "--format=json"], capture_output=True, text=True, check=True)
    return {package_name(p["name"]): p["version"] for p in json.loads(listing.stdout)}


def make_venv(base_python: str, venv: Path) -> Path:
    """Colab 버전으로 채운 가상 환경. 제약 파일이 같으면 있던 것을 다시 쓴다."""
    python = venv / "bin" / "python"
    wanted = hashlib.sha256((constraints() + " ".join(COLAB_PACKAGES)).encode()).hexdigest()
    marker = venv / ".colab-constraints"
    if python.exists() and marker.exists() and marker.read_text() == wanted:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([base_python, "-m", "venv", str(venv)], check=True)
    (venv / "constraints.txt").write_text(constraints(), encoding="utf-8")
    pip = [str(python), "-m", "pip", "install", "-q", "-c", str(venv / "constraints.txt")]
    subprocess.run([*pip, "pip"], check=True)  # Colab의 pip 버전부터
    subprocess.run([*pip, *COLAB_PACKAGES], check=True)
    site = Path(subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "google" / "colab").mkdir(parents=True, exist_ok=True)
    (site / "google" / "colab" / "__init__.py").write_text(STUB, encoding="utf-8")
    (site / "zz_colab_check.pth").write_text("import google.colab\n", encoding="utf-8")
    marker.write_text(wanted)
    return python


def release_repo(workdir: Path) -> tuple[Path, str]:
    """이 작업 폴더의 패키지를 담은 임시 git 저장소와 그 태그(v{version})."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    repo = workdir / "release"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(ROOT / "mnist_course", repo / "mnist_course", ignore=shutil.ignore_patterns("__pycache__"))
    git = ["git", "-C", str(repo), "-c", "user.name=colab-check", "-c", "user.email=colab-check@localhost"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "release"], check=True)
    subprocess.run([*git, "tag", f"v{version}"], check=True)
    return repo, f"v{version}"


def install_line(notebook: Path) -> str:
    """첫 코드 셀의 `%pip install ...`에서 pip 인자 부분."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "".join(next(c for c in cells if c["cell_type"] == "code")["source"])
    match = re.search(r"^\s*%pip install (.+)$", source, re.M)
    if not match:
        fail(f"{notebook.name}: 첫 코드 셀에 %pip install 줄이 없습니다.")
    return match.group(1)


def check_install(python: Path, notebook: Path, env: dict[str, str]) -> None:
    """첫 셀과 같은 pip 명령이 Colab의 패키지를 하나도 바꾸지 않는지."""
    import shlex

    extra = sorted(set(freeze(python)) - set(colab_versions()))  # 지난번 검사에서 깔린 것(mnist-course 등)은 지워 Colab의 처음 상태로
    if extra:
        subprocess.run([str(python), "-m", "pip", "uninstall", "-q", "-y", *extra], check=True)
    before = freeze(python)
    subprocess.run([str(python), "-m", "pip", "install", *shlex.split(install_line(notebook))], check=True, env=env)
    after = freeze(python)
    changed = {name: (before[name], after.get(name)) for name in before if after.get(name) != before[name]}
    if changed:
        fail(f"mnist_course 설치가 Colab의 패키지를 바꿨습니다: {changed}")
    added = sorted(set(after) - set(before))
    if "mnist-course" not in added:
        fail(f"mnist-course가 설치되지 않았습니다(새로 깔린 것: {added}).")
    versions = ", ".join(f"{name} {after[name]}" for name in ("tensorflow", "keras", "numpy", "matplotlib", "ipywidgets", "ipykernel"))
    print(f"설치 확인: Colab의 패키지 {len(before)}개 중 바뀐 것 없음({versions}). 새로 깔린 것: {', '.join(added)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chapters", nargs="*", default=[], help="장 번호 앞자리(예: 02 07). 없으면 모든 장")
    parser.add_argument("--python", help=f"Python {COLAB_PYTHON} 실행 파일")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-colab")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "colab")
    args = parser.parse_args(argv)
    notebooks = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
    if args.chapters:
        notebooks = [nb for nb in notebooks if nb.name[:2] in args.chapters]
        if not notebooks:
            fail(f"--chapters {' '.join(args.chapters)}: 맞는 장이 없습니다.")
    python = make_venv(find_colab_python(args.python), args.venv.resolve())
    url = yaml_repository_url()
    with tempfile.TemporaryDirectory() as tmp:
        repo, tag = release_repo(Path(tmp))
        gitconfig = Path(tmp) / "gitconfig"
        gitconfig.write_text(f'[url "file://{repo}"]\n\tinsteadOf = {url}\n', encoding="utf-8")
        # PYDEVD_...: ipykernel 6.17 + Python 3.13이 커널을 켤 때마다 콘솔에 찍는 디버거 안내를 끈다(노트북 출력과 무관).
        env = {**os.environ, "GIT_CONFIG_GLOBAL": str(gitconfig), "PYTHONNOUSERSITE": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        if f"@{tag}" not in install_line(notebooks[0]):
            fail(f"{notebooks[0].name}: 첫 셀이 이번 판의 태그 {tag}를 설치하지 않습니다.")
        check_install(python, notebooks[0], env)
        runner = [str(python), str(ROOT / "tools" / "run_chapters.py"), "--out", str(args.out)]
        result = subprocess.run([*runner, *map(str, notebooks)], env=env)
    if result.returncode:
        raise SystemExit(result.returncode)
    print(f"Colab 검사 통과: {len(notebooks)}개 장, Python {COLAB_PYTHON} + Colab 패키지 버전")


def yaml_repository_url() -> str:
    """_config.yml의 repository.url (이 부분은 관리자 가상 환경에서 돌므로 PyYAML이 있다)."""
    import yaml

    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]


if __name__ == "__main__":
    main()
