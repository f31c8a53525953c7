/* Live notification bell (progressive enhancement: the bell and the centre work without it).
 *
 * Opens the user's socket at <body data-ws-notifications>, keeps the unread count on every open
 * page in step, announces new notifications to screen readers, and reconnects with exponential
 * backoff (1 s doubling to 30 s, with jitter) unless the server closed it for good (signed out or
 * suspended). On the notification centre, following a link also marks the notification read. */
(function () {
  "use strict";

  var MIN_DELAY = 1000;
  var MAX_DELAY = 30000;
  var FINAL_CLOSE_CODES = [4401, 4403];

  function Bell(bell) {
    this.bell = bell;
    this.count = bell.querySelector("[data-unread-count]");
    this.text = bell.querySelector("[data-unread-text]");
    this.announcer = document.querySelector("[data-notification-announcer]");
    this.mirror = null;
    var toggle = document.querySelector(".nav-toggle");
    if (toggle) {
      /* On small screens the bell sits in the collapsed menu: show the count on the toggle. */
      this.mirror = document.createElement("span");
      this.mirror.className = "bell__count nav-toggle__count";
      this.mirror.setAttribute("aria-hidden", "true");
      toggle.appendChild(this.mirror);
    }
    var initial = parseInt(this.count.textContent, 10);
    this.setCount(isNaN(initial) ? 0 : initial);
  }
  Bell.prototype.setCount = function (n) {
    if (typeof n !== "number" || n < 0) return;
    this.count.textContent = String(n);
    this.count.hidden = n === 0;
    if (this.mirror) {
      this.mirror.textContent = String(n);
      this.mirror.hidden = n === 0;
    }
    var template = this.bell.getAttribute("data-unread-template") || "(__COUNT__)";
    this.text.textContent = template.replace("__COUNT__", String(n));
  };
  Bell.prototype.announce = function (title) {
    if (!this.announcer || !title) return;
    var template = this.bell.getAttribute("data-announce-template") || "__TITLE__";
    this.announcer.textContent = template.replace("__TITLE__", title);
  };
  Bell.prototype.setState = function (state) {
    this.bell.setAttribute("data-live", state);
  };
  /* The server ended the socket for good: 4401 signed out (offer signing in), 4403 the account
   * may no longer use the portal. The texts come translated from the bell's template. */
  Bell.prototype.showClosed = function (code) {
    if (this.closedNotice) return;
    var text = this.bell.getAttribute(code === 4401 ? "data-signed-out-text" : "data-ended-text");
    if (!text) return;
    var notice = document.createElement("span");
    notice.className = "bell__closed";
    notice.setAttribute("role", "status");
    notice.setAttribute("data-bell-closed", String(code));
    notice.textContent = text + " ";
    var login = this.bell.getAttribute("data-login-url");
    if (code === 4401 && login) {
      var link = document.createElement("a");
      link.href = login;
      link.textContent = this.bell.getAttribute("data-sign-in-text") || login;
      notice.appendChild(link);
    }
    this.bell.parentNode.appendChild(notice);
    this.closedNotice = notice;
  };

  function LiveSocket(path, bell) {
    this.path = path;
    this.bell = bell;
    this.delay = MIN_DELAY;
    this.timer = null;
    this.socket = null;
    this.stopped = false;
  }
  LiveSocket.prototype.connect = function () {
    var self = this;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + this.path);
    this.socket = socket;
    socket.addEventListener("open", function () {
      self.delay = MIN_DELAY;
      self.bell.setState("connected");
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (error) { return; }
      self.handle(data);
    });
    socket.addEventListener("close", function (event) {
      self.bell.setState("disconnected");
      if (FINAL_CLOSE_CODES.indexOf(event.code) !== -1) {
        self.stopped = true; // reconnecting would be refused again: say so once instead
        self.bell.showClosed(event.code);
        return;
      }
      self.schedule();
    });
  };
  LiveSocket.prototype.schedule = function () {
    var self = this;
    if (this.stopped || this.timer) return;
    var wait = this.delay * (0.5 + Math.random() / 2);
    this.delay = Math.min(MAX_DELAY, this.delay * 2);
    this.timer = window.setTimeout(function () { self.timer = null; self.connect(); }, wait);
  };
  LiveSocket.prototype.reconnectNow = function () {
    if (this.stopped || !this.socket || this.socket.readyState !== WebSocket.CLOSED) return;
    window.clearTimeout(this.timer);
    this.timer = null;
    this.delay = MIN_DELAY;
    this.connect();
  };
  LiveSocket.prototype.handle = function (data) {
    if (!data || typeof data.unread_count !== "number") return;
    this.bell.setCount(data.unread_count);
    if (data.type === "notification" && data.notification) {
      var texts = data.notification.texts || {};
      var inPageLanguage = texts[document.documentElement.lang] || {};
      this.bell.announce(inPageLanguage.title || data.notification.title);
      var live = document.querySelector("[data-notification-live]");
      if (live) live.hidden = false;
    }
  };

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function markReadOnFollow(link) {
    link.addEventListener("click", function () {
      fetch(link.getAttribute("data-mark-read-url"), {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      }).catch(function () { /* The "Mark as read" button still works. */ });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-mark-read-url]").forEach(markReadOnFollow);
    var path = document.body.getAttribute("data-ws-notifications");
    var element = document.querySelector("[data-notification-bell]");
    if (!path || !element || !("WebSocket" in window)) return;
    var live = new LiveSocket(path, new Bell(element));
    window.addEventListener("online", function () { live.reconnectNow(); });
    live.connect();
  });
})();
