/* Support request form: while the title is typed, list similar published requests so that
   officials join an existing request instead of posting a duplicate. Without JavaScript the
   preview page shows the same list as plain links. */
(function () {
  "use strict";

  function initSimilar(panel) {
    var url = panel.getAttribute("data-similar-url");
    var input = document.getElementById(panel.getAttribute("data-similar-for"));
    var exclude = panel.getAttribute("data-similar-exclude") || "";
    var list = panel.querySelector(".similar__list");
    if (!url || !input || !list) return;
    var timer = null;
    var last = "";

    function render(results) {
      list.textContent = "";
      results.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.title;
        var small = document.createElement("small");
        small.textContent = "（" + (item.municipality ? item.municipality + " · " : "") + item.state + "）";
        li.appendChild(link);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(small);
        list.appendChild(li);
      });
      panel.hidden = results.length === 0;
    }

    function refresh() {
      var title = input.value.trim();
      if (title === last) return;
      last = title;
      if (title.length < 2) { render([]); return; }
      var params = new URLSearchParams({ title: title, exclude: exclude });
      fetch(url + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { render(data.results || []); })
        .catch(function () { /* The preview page lists similar requests without JS. */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
    input.addEventListener("compositionend", refresh);
    if (input.value) refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-similar-url]").forEach(initSimilar);
  });
})();
