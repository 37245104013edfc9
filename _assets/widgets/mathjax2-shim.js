// embed-amd.js(ipywidgets)는 위젯 글자를 그린 뒤 MathJax 2의 MathJax.Hub.Queue를 부른다.
// 수식이 있는 페이지는 MathJax 3을 쓰는데, 3에는 Hub가 없어 "reading 'Queue'" 오류가 난다.
// 그래서 window.MathJax가 무엇이 되든(설정 객체든 MathJax 3 자체든) Hub.Queue를 MathJax 3의 typesetPromise로 잇는다.
(function () {
  function addHub(mathjax) {
    if (!mathjax || typeof mathjax !== "object" || mathjax.Hub) return;
    Object.defineProperty(mathjax, "Hub", {
      configurable: true,
      enumerable: false, // MathJax 3이 설정으로 읽지 않도록
      value: {
        Queue: function (job) {
          var element = job && job[2];
          var current = window.MathJax;
          if (element && current && typeof current.typesetPromise === "function") {
            current.typesetPromise([element]).catch(function () {});
          }
        },
      },
    });
  }
  var value = window.MathJax;
  addHub(value);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    get: function () {
      return value;
    },
    set: function (next) {
      value = next;
      addHub(next);
    },
  });
})();
