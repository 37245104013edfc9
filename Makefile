# 관리자용 명령. 각 명령은 필요한 파이썬 패키지를 먼저 설치한다(이미 있으면 금방 끝난다).
PYTHON ?= python3

.PHONY: setup site test

setup:
	$(PYTHON) -m pip install -q -r requirements.txt
	$(PYTHON) -m pip install -q --no-deps -e .

# 정적 사이트를 _build/html에: Sphinx 경고(warning)는 오류로 취급
site: setup
	rm -rf _build/html _build/.doctrees
	jupyter-book build . --warningiserror --nitpick --keep-going

# 전체 테스트: 린트, 엄격한 사이트 빌드, 단위 테스트, 사이트 링크·브라우저 검사, 모든 노트북 재실행 비교(nbval)
test: site
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest --nbval tests book
