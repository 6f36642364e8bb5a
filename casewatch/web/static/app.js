// casewatch: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  function focusTarget() {
    document.querySelectorAll("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.tagName === "MARK") {
      el.classList.add("focus");
      el.scrollIntoView({ block: "center" });
    }
  }
  window.addEventListener("hashchange", focusTarget);
  window.addEventListener("load", focusTarget);
  document.addEventListener("DOMContentLoaded", function () {
    focusTarget();
    var input = document.querySelector("input[type=file][data-max]");
    if (input) {
      var warn = document.querySelector(".too-big");
      input.addEventListener("change", function () {
        var f = input.files && input.files[0];
        var over = !!f && f.size > Number(input.dataset.max);
        warn.hidden = !over;
        input.setCustomValidity(over ? warn.textContent : "");
      });
    }
  });
})();
