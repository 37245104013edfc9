"""관리자 도구: 노트북 실행(execute), 벤치마크(bench), 시드 스윕과 기대 범위(sweep, ranges), Colab 런타임 검사(colab_check).

학습자 패키지 mnist_course에는 들어가지 않는다(휠에 없다: tests/test_packaging.py). 저장소 루트에서
`python -m tools.bench`처럼 부르고, 의존성(nbclient, nbformat, pyyaml)은 requirements-dev.txt에만 있다.
"""
