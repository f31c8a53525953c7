/* Progressive enhancement for every page: the site works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function initNavToggle() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  /* Municipality picker: narrows the list as the user chooses a prefecture or types a name. */
  function initMunicipalityPicker(form) {
    var url = form.getAttribute("data-search-url");
    var prefecture = form.querySelector("[name=prefecture]");
    var query = form.querySelector("[name=municipality_query]");
    var select = form.querySelector("[name=municipality]");
    if (!url || !prefecture || !query || !select) return;
    var placeholder = select.options.length ? select.options[0].cloneNode(true) : null;
    var timer = null;
    var status = document.createElement("p");
    status.className = "field__help";
    status.setAttribute("aria-live", "polite");
    select.parentNode.appendChild(status);

    function refresh() {
      var params = new URLSearchParams({ prefecture: prefecture.value, q: query.value });
      fetch(url + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          var current = select.value;
          select.innerHTML = "";
          if (placeholder) select.appendChild(placeholder.cloneNode(true));
          data.results.forEach(function (item) {
            var option = new Option(item.name, item.code, false, item.code === current);
            select.appendChild(option);
          });
          var label = form.getAttribute("data-count-label") || "__COUNT__";
          status.textContent = label.replace("__COUNT__", String(data.results.length));
        })
        .catch(function () { /* The non-JS "Show municipalities" button still works. */ });
    }
    function debounced() { clearTimeout(timer); timer = setTimeout(refresh, 200); }
    prefecture.addEventListener("change", refresh);
    query.addEventListener("input", debounced);
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.isComposing) { event.preventDefault(); refresh(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initNavToggle();
    document.querySelectorAll("[data-municipality-picker]").forEach(initMunicipalityPicker);
  });
})();
