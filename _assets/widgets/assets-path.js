// embed-amd.js는 아이콘 글꼴(woff2)을 requirejs 모듈 "@jupyter-widgets/html-manager" 주소 아래의 dist/에서 찾는다.
// require.js가 읽기 전에 그 모듈 주소를 이 폴더의 html-manager/로 알려, 글꼴을 사이트 안에서 찾게 한다.
var require = {
  paths: {
    "@jupyter-widgets/html-manager": document.currentScript.src.replace(/assets-path\.js.*$/, "html-manager"),
  },
};
