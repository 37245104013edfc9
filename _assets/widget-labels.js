/* 위젯의 슬라이더에 이름을 붙인다(WCAG 4.1.2). 사이트의 위젯 관리자(ipywidgets 8)는 슬라이더 손잡이(role="slider")를
   옆의 설명 글("에포크 수" 같은 description)과 잇지 않아, 화면 읽기 프로그램이 무엇을 고르는 슬라이더인지 모른다.
   위젯은 페이지가 열린 뒤에 그려지므로, 새로 그려진 슬라이더마다 설명 글을 aria-label로 붙인다. */
(function () {
  "use strict";
  function labelSliders(root) {
    root.querySelectorAll(".widget-slider").forEach(function (slider) {
      var label = slider.querySelector(".widget-label");
      var name = label ? label.textContent.trim() : "";
      if (!name) return;
      slider.querySelectorAll('[role="slider"]:not([aria-label])').forEach(function (handle) {
        handle.setAttribute("aria-label", name);
      });
    });
  }
  function start() {
    labelSliders(document);
    new MutationObserver(function () { labelSliders(document); }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
