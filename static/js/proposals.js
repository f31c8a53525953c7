/* Proposal edit page: the attachment form is a separate form, so attaching a file reloads the
   page and would silently drop unsaved changes typed in the proposal form above. When the
   proposal form has changes, stop the upload and ask to save first (the message is in the page). */
(function () {
  "use strict";

  function snapshot(form) {
    var data = new FormData(form);
    var parts = [];
    data.forEach(function (value, key) {
      if (key !== "csrfmiddlewaretoken") parts.push(key + "=" + value);
    });
    return parts.join("&");
  }

  document.querySelectorAll("form[data-unsaved-guard]").forEach(function (guarded) {
    var main = document.getElementById(guarded.getAttribute("data-unsaved-guard"));
    var message = guarded.querySelector("[data-unsaved-message]");
    if (!main || !message) return;
    var initial = snapshot(main);
    guarded.addEventListener("submit", function (event) {
      if (snapshot(main) === initial) return;
      event.preventDefault();
      message.hidden = false;
      message.focus();
    });
  });
})();
