/* Co-creation channel client (progressive enhancement of /ja/channels/<id>/).
 *
 * The page is rendered by the server and readable without this file. The script adds:
 * a socket to /ws/channels/<id>/ that reconnects with jittered exponential backoff and resyncs
 * from the last `seq` it has shown; an outbox of unsent messages kept in localStorage (typed
 * offline, sent once the connection is back, with the same client_id so the server stores each
 * once); dedupe by `seq` and `client_id`, so a message is never shown twice; Enter to send,
 * Shift+Enter for a new line, never sending during IME composition; replies, edits, deletions,
 * @mention suggestions, typing and presence, read markers and loading older messages on scroll.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-chat]");
  var configElement = document.getElementById("chat-config");
  if (!root || !configElement || !("WebSocket" in window)) return;
  var config = JSON.parse(configElement.textContent);
  var T = config.text;

  var ui = {
    scroller: root.querySelector("[data-scroller]"),
    history: root.querySelector("[data-history]"),
    empty: root.querySelector("[data-empty]"),
    older: root.querySelector("[data-older]"),
    status: root.querySelector("[data-connection]"),
    statusText: root.querySelector("[data-connection-text]"),
    typing: root.querySelector("[data-typing]"),
    announcer: root.querySelector("[data-announcer]"),
    presence: root.querySelector("[data-presence]"),
    composer: root.querySelector("[data-composer]"),
    markRead: root.querySelector("[data-mark-read]"),
    navUnread: document.querySelector("[data-nav-unread]")
  };
  if (ui.composer) {
    ui.textarea = ui.composer.querySelector("textarea[name=body]");
    ui.fileInput = ui.composer.querySelector("input[type=file]");
    ui.replyInput = ui.composer.querySelector("input[name=reply_to]");
    ui.replyPreview = ui.composer.querySelector("[data-reply-preview]");
    ui.replyText = ui.composer.querySelector("[data-reply-text]");
    ui.cancelReply = ui.composer.querySelector("[data-cancel-reply]");
    ui.mentions = ui.composer.querySelector("[data-mentions]");
    ui.outboxStatus = ui.composer.querySelector("[data-outbox-status]");
    ui.alert = document.createElement("p");
    ui.alert.className = "message message--error";
    ui.alert.setAttribute("role", "alert");
    ui.alert.hidden = true;
    ui.composer.insertBefore(ui.alert, ui.composer.firstChild);
  }

  var MAX_CHARS = 4000;
  var KEEPALIVE_MS = 45000;
  var KEEPALIVE_TIMEOUT_MS = 10000;

  var lastSeq = config.lastSeq; // highest seq shown with nothing missing before it
  var shown = {}; // seq -> true
  var early = {}; // seq -> frame that arrived before the ones preceding it
  var socket = null;
  var attempt = 0;
  var reconnectTimer = null;
  var syncTimer = null;
  var syncing = false;
  var lastServerTime = null;
  var closedForGood = false;
  var lastFrameAt = Date.now();
  var keepaliveSentAt = 0;
  var lastTypingSent = 0;
  var typingPeople = {};
  var composing = false;
  var unreadHere = Math.max(0, config.unread || 0);

  function fmt(text, values) {
    return String(text).replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* ---- connection state ------------------------------------------------------------------ */

  function setState(state, text) {
    if (!ui.status) return;
    ui.status.setAttribute("data-state", state);
    ui.statusText.textContent = text;
  }

  /* ---- outbox (localStorage) ------------------------------------------------------------- */

  var outboxKey = "cocreation.outbox." + config.user + "." + config.channel;

  function loadOutbox() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(outboxKey) || "[]");
      return Array.isArray(stored) ? stored : [];
    } catch (error) {
      return [];
    }
  }

  var outbox = loadOutbox();

  function saveOutbox() {
    try {
      if (outbox.length) window.localStorage.setItem(outboxKey, JSON.stringify(outbox));
      else window.localStorage.removeItem(outboxKey);
    } catch (error) { /* storage full or disabled: the outbox still lives in memory */ }
    if (ui.outboxStatus) {
      ui.outboxStatus.textContent = outbox.length && !isOpen() ? fmt(T.pending, { count: outbox.length }) : "";
    }
  }

  function dropFromOutbox(clientId) {
    var before = outbox.length;
    outbox = outbox.filter(function (entry) { return entry.client_id !== clientId; });
    if (outbox.length !== before) saveOutbox();
  }

  function findOutbox(clientId) {
    for (var i = 0; i < outbox.length; i++) if (outbox[i].client_id === clientId) return outbox[i];
    return null;
  }

  /* ---- rendering --------------------------------------------------------------------------- */

  var timeFormat = new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false
  });

  function formatTime(iso) {
    var parts = {};
    timeFormat.formatToParts(new Date(iso)).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "/" + parts.month + "/" + parts.day + " " + parts.hour + ":" + parts.minute;
  }

  function actionLink(action, href, label, seq) {
    var link = element("a", null, label);
    link.href = href;
    link.setAttribute("data-action", action);
    link.appendChild(element("span", "visually-hidden", " #" + seq));
    return link;
  }

  function buildMessage(frame) {
    var seq = frame.seq;
    var mine = frame.author && frame.author.id === config.user;
    var item = element("li", "msg" + (frame.deleted ? " msg--deleted" : "") + (mine ? " msg--mine" : ""));
    item.id = "m-" + seq;
    item.setAttribute("data-seq", seq);
    item.setAttribute("data-client-id", frame.client_id);
    item.setAttribute("data-author-id", frame.author ? frame.author.id : "");
    if (mine && !frame.deleted) item.setAttribute("data-body", frame.body);

    var meta = element("p", "msg__meta");
    meta.appendChild(element("span", "msg__author", frame.author ? frame.author.name : T.deletedUser));
    var timeLink = element("a", "msg__time");
    timeLink.href = "?around=" + seq + "#m-" + seq;
    var time = element("time", null, formatTime(frame.created_at));
    time.setAttribute("datetime", frame.created_at);
    timeLink.appendChild(time);
    meta.appendChild(timeLink);
    if (frame.edited_at && !frame.deleted) meta.appendChild(element("span", "msg__edited", T.edited));
    item.appendChild(meta);

    if (frame.reply_to) {
      var quote = element("blockquote", "msg__quote");
      var link = element("a", null, frame.reply_to.author ? frame.reply_to.author.name : "");
      link.href = "#m-" + frame.reply_to.seq;
      quote.appendChild(link);
      if (frame.reply_to.deleted || frame.reply_to.hidden) {
        quote.appendChild(document.createTextNode(" "));
        quote.appendChild(element("em", null, frame.reply_to.deleted ? T.deleted : T.hidden));
      } else {
        quote.appendChild(document.createTextNode(" " + frame.reply_to.excerpt));
      }
      item.appendChild(quote);
    }

    var body = element("div", "msg__body");
    if (frame.deleted) body.appendChild(element("em", null, T.deleted));
    else if (frame.masked) body.appendChild(element("em", null, T.hidden));
    else body.innerHTML = frame.body_html; // rendered and sanitised by the server (escape + nh3)
    item.appendChild(body);
    if (frame.attachments && frame.attachments.length) item.appendChild(buildFiles(frame.attachments));

    if (!frame.deleted && config.canPost) {
      var actions = element("p", "msg__actions");
      actions.appendChild(actionLink("reply", "?reply_to=" + seq + "#composer", T.reply, seq));
      if (mine) actions.appendChild(actionLink("edit", config.editUrl.replace("/0/", "/" + seq + "/"), T.edit, seq));
      if (mine || config.canManage) {
        actions.appendChild(actionLink("delete", config.deleteUrl.replace("/0/", "/" + seq + "/"), T.delete, seq));
      }
      if (!mine && !frame.masked && frame.id) {
        actions.appendChild(actionLink("report", config.reportUrl.replace("/0/", "/" + frame.id + "/"), T.report, seq));
      }
      item.appendChild(actions);
    }
    return item;
  }

  function fileSize(bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function buildFiles(files) {
    var list = element("ul", "msg__files");
    list.setAttribute("aria-label", T.files);
    files.forEach(function (file) {
      var entry = element("li");
      var link = element("a", null, file.name); // textContent: a file name is never markup
      link.href = file.url;
      link.setAttribute("download", "");
      entry.appendChild(link);
      entry.appendChild(document.createTextNode(" "));
      entry.appendChild(element("span", "msg__file-meta", "(" + file.type + ", " + fileSize(file.size) + ")"));
      list.appendChild(entry);
    });
    return list;
  }

  function buildPending(entry) {
    var item = element("li", "msg msg--mine msg--pending");
    item.setAttribute("data-client-id", entry.client_id);
    item.setAttribute("data-pending", "");
    var meta = element("p", "msg__meta");
    meta.appendChild(element("span", "msg__author", config.userName));
    meta.appendChild(element("span", "msg__state", T.sending));
    item.appendChild(meta);
    var body = element("div", "msg__body", entry.body);
    body.style.whiteSpace = "pre-wrap";
    item.appendChild(body);
    return item;
  }

  function nearBottom() {
    var s = ui.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
  }

  function scrollToBottom() {
    ui.scroller.scrollTop = ui.scroller.scrollHeight;
  }

  function firstPending() {
    return ui.history.querySelector("[data-pending]");
  }

  function pendingElement(clientId) {
    var items = ui.history.querySelectorAll("[data-pending]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-client-id") === clientId) return items[i];
    }
    return null;
  }

  function insertMessage(frame) {
    var stick = nearBottom();
    var node = buildMessage(frame);
    var mine = frame.author && frame.author.id === config.user;
    var placeholder = mine ? pendingElement(frame.client_id) : null;
    if (placeholder) ui.history.replaceChild(node, placeholder);
    else ui.history.insertBefore(node, firstPending());
    if (mine) dropFromOutbox(frame.client_id);
    if (ui.empty) { ui.empty.remove(); ui.empty = null; }
    shown[frame.seq] = true;
    if (!mine) unreadHere += 1;
    if (!mine && !frame.replayed) { // catch-up copies are not announced as news
      var text = (node.querySelector(".msg__body").textContent || "").slice(0, 120);
      ui.announcer.textContent = fmt(T.newMessage, { name: frame.author ? frame.author.name : "", text: text });
      clearTyping(frame.author && frame.author.id);
    }
    if (stick || mine) scrollToBottom();
  }

  function replaceMessage(frame) {
    var existing = document.getElementById("m-" + frame.seq);
    if (!existing) return;
    existing.parentNode.replaceChild(buildMessage(frame), existing);
  }

  /* ---- incoming frames ----------------------------------------------------------------- */

  function acceptMessage(frame) {
    if (frame.channel !== config.channel || shown[frame.seq]) return;
    if (frame.seq <= lastSeq) return; // already on the page (rendered by the server)
    if (frame.seq !== lastSeq + 1) {
      early[frame.seq] = frame; // something is missing before it: hold it, ask if it stays so
      scheduleGapCheck();
      return;
    }
    insertMessage(frame);
    lastSeq = frame.seq;
    while (early[lastSeq + 1]) {
      var next = early[lastSeq + 1];
      delete early[lastSeq + 1];
      insertMessage(next);
      lastSeq = next.seq;
    }
    markReadSoon();
  }

  function onAck(frame) {
    dropFromOutbox(frame.client_id);
    var placeholder = pendingElement(frame.client_id);
    if (placeholder && shown[frame.seq]) placeholder.remove(); // a resend of a shown message
    else acceptMessage(frame.message); // the ack carries the stored message
  }

  function onError(frame) {
    if (frame.frame === "sync") { // e.g. the database was briefly unavailable: ask again
      syncing = false;
      scheduleSync(1500);
      return;
    }
    if (frame.client_id && frame.frame === "message.send") {
      var entry = findOutbox(frame.client_id);
      if (frame.retryable) {
        if (entry) entry.inFlight = false;
        window.setTimeout(flushOutbox, 3000);
        return;
      }
      var placeholder = pendingElement(frame.client_id);
      if (placeholder) placeholder.remove();
      if (entry) {
        dropFromOutbox(entry.client_id);
        if (ui.textarea && !ui.textarea.value) ui.textarea.value = entry.body; // never lose work
      }
    }
    showAlert(frame.detail);
  }

  function showAlert(text) {
    if (!ui.alert) return;
    ui.alert.textContent = text;
    ui.alert.hidden = false;
  }

  function onTyping(frame) {
    var id = frame.user.id;
    if (typingPeople[id]) window.clearTimeout(typingPeople[id].timer);
    typingPeople[id] = {
      name: frame.user.name,
      timer: window.setTimeout(function () { clearTyping(id); }, 5000)
    };
    renderTyping();
  }

  function clearTyping(id) {
    if (!typingPeople[id]) return;
    window.clearTimeout(typingPeople[id].timer);
    delete typingPeople[id];
    renderTyping();
  }

  function renderTyping() {
    var names = Object.keys(typingPeople).map(function (id) { return typingPeople[id].name; });
    ui.typing.textContent = names.length ? fmt(T.typing, { names: names.join("、") }) : "";
  }

  function onPresence(frame) {
    ui.presence.innerHTML = "";
    var others = frame.online.filter(function (person) { return person.id !== config.user; });
    frame.online.forEach(function (person) {
      var item = element("li", null, person.name);
      item.setAttribute("data-user", person.id);
      ui.presence.appendChild(item);
    });
    if (!others.length) ui.presence.appendChild(element("li", "chat__presence-empty", T.nobody));
  }

  function onFrame(event) {
    lastFrameAt = Date.now();
    keepaliveSentAt = 0;
    var frame;
    try { frame = JSON.parse(event.data); } catch (error) { return; }
    switch (frame.type) {
      case "message": acceptMessage(frame); break;
      case "message.updated": replaceMessage(frame); break;
      case "ack": onAck(frame); break;
      case "sync.done": onSyncDone(frame); break;
      case "typing": onTyping(frame); break;
      case "presence": onPresence(frame); break;
      case "error": onError(frame); break;
      case "resync": syncing = false; requestSync(); break; // live events may have been lost
      default: break;
    }
  }

  /* ---- socket and sync ----------------------------------------------------------------- */

  function isOpen() {
    return socket && socket.readyState === WebSocket.OPEN;
  }

  function send(frame) {
    if (!isOpen()) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function requestSync() {
    window.clearTimeout(syncTimer);
    syncTimer = null;
    if (syncing || !isOpen()) return;
    syncing = true;
    send({ type: "sync", after_seq: lastSeq, since: lastServerTime });
  }

  function scheduleSync(delay) {
    if (syncTimer === null) syncTimer = window.setTimeout(requestSync, delay);
  }

  // Broadcasts of consecutive messages can arrive out of order; only a gap that lasts means a
  // lost event (e.g. a Redis restart), and only then is it worth a `sync`.
  var gapTimer = null;
  function scheduleGapCheck() {
    if (gapTimer !== null) return;
    gapTimer = window.setTimeout(function () {
      gapTimer = null;
      if (Object.keys(early).length) requestSync();
    }, 1000);
  }

  function onSyncDone(frame) {
    syncing = false;
    lastServerTime = frame.server_time;
    if (frame.has_more) { requestSync(); return; }
    Object.keys(early).forEach(function (seq) { if (Number(seq) <= lastSeq) delete early[seq]; });
    if (Object.keys(early).length) scheduleGapCheck();
    flushOutbox();
    markReadSoon();
  }

  function flushOutbox() {
    if (!isOpen() || syncing) return;
    outbox.forEach(function (entry) {
      if (entry.inFlight) return;
      var frame = { type: "message.send", client_id: entry.client_id, body: entry.body };
      if (entry.reply_to) frame.reply_to = entry.reply_to;
      entry.inFlight = send(frame);
    });
    saveOutbox();
  }

  function connect() {
    if (closedForGood || (socket && socket.readyState <= WebSocket.OPEN)) return;
    window.clearTimeout(reconnectTimer);
    if (navigator.onLine === false) { setState("offline", T.offline); return; }
    setState("connecting", T.connecting);
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var current = new WebSocket(scheme + window.location.host + config.socket);
    socket = current;
    current.onopen = function () {
      attempt = 0;
      syncing = false;
      lastFrameAt = Date.now();
      outbox.forEach(function (entry) { entry.inFlight = false; });
      setState("online", T.online);
      saveOutbox();
      requestSync();
    };
    current.onmessage = onFrame;
    current.onclose = function (event) {
      if (socket !== current) return;
      socket = null;
      syncing = false;
      outbox.forEach(function (entry) { entry.inFlight = false; });
      saveOutbox();
      if (event.code === 4401 || event.code === 4403) {
        closedForGood = true; // reconnecting would be refused again
        showClosed(event.code, event.reason);
        return;
      }
      scheduleReconnect();
    };
  }

  // The server refused or ended the socket for good (portal/core/websocket.py): say why in the
  // user's language, and offer signing in where that helps, instead of retrying for ever.
  function showClosed(code, reason) {
    var text = T.closed;
    if (code === 4401) text = T.signedOut;
    else if (reason === "origin") text = T.originRefused;
    setState("closed", text);
    if (code === 4401 && config.loginUrl && ui.status) {
      var link = element("a", "chat__signin", T.signIn);
      link.href = config.loginUrl;
      ui.statusText.appendChild(document.createTextNode(" "));
      ui.statusText.appendChild(link);
    }
    if (ui.composer) ui.composer.setAttribute("data-closed", "");
  }

  function scheduleReconnect() {
    if (closedForGood) return;
    if (navigator.onLine === false) { setState("offline", T.offline); return; }
    attempt += 1;
    var ceiling = Math.min(30000, 500 * Math.pow(2, attempt));
    var delay = ceiling / 2 + Math.random() * (ceiling / 2); // "equal jitter"
    setState("reconnecting", fmt(T.reconnecting, { seconds: Math.ceil(delay / 1000) }));
    reconnectTimer = window.setTimeout(connect, delay);
  }

  function dropConnection() {
    if (socket) {
      var current = socket;
      socket = null;
      current.onclose = null;
      current.close();
    }
    syncing = false;
    outbox.forEach(function (entry) { entry.inFlight = false; });
  }

  window.addEventListener("offline", function () {
    dropConnection();
    setState("offline", T.offline);
    saveOutbox();
  });
  window.addEventListener("online", function () {
    attempt = 0;
    connect();
  });

  // A half-open connection (laptop asleep, proxy gone) shows no error: check liveness with an
  // idle `sync`, which also fetches anything a dropped live event left out.
  window.setInterval(function () {
    if (!isOpen()) return;
    var now = Date.now();
    if (keepaliveSentAt && now - keepaliveSentAt > KEEPALIVE_TIMEOUT_MS) {
      dropConnection();
      scheduleReconnect();
    } else if (!keepaliveSentAt && now - lastFrameAt > KEEPALIVE_MS) {
      keepaliveSentAt = now;
      requestSync();
    }
  }, 5000);

  /* ---- read markers -------------------------------------------------------------------- */

  var readTimer = null;
  var readSent = 0;

  function markReadSoon() {
    window.clearTimeout(readTimer);
    readTimer = window.setTimeout(function () {
      if (document.visibilityState !== "visible" || !nearBottom() || lastSeq <= readSent) return;
      if (!send({ type: "read", seq: lastSeq })) return;
      readSent = lastSeq;
      if (ui.navUnread && unreadHere) {
        var left = Math.max(0, parseInt(ui.navUnread.firstChild.nodeValue, 10) - unreadHere);
        if (left) ui.navUnread.firstChild.nodeValue = String(left);
        else ui.navUnread.parentNode.removeChild(ui.navUnread);
        if (!left) ui.navUnread = null;
      }
      unreadHere = 0;
      if (ui.markRead) { ui.markRead.remove(); ui.markRead = null; }
    }, 800);
  }

  document.addEventListener("visibilitychange", markReadSoon);
  ui.scroller.addEventListener("scroll", function () {
    if (nearBottom()) markReadSoon();
    if (ui.scroller.scrollTop < 80) loadOlder();
  });

  /* ---- older messages ------------------------------------------------------------------ */

  var loadingOlder = false;

  function loadOlder() {
    if (!ui.older || loadingOlder) return;
    loadingOlder = true;
    var link = ui.older;
    link.textContent = T.loading;
    fetch(link.getAttribute("data-older"), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html; // the server's own escaped fragment
        var items = template.content.querySelectorAll("li[data-seq]");
        var previousHeight = ui.scroller.scrollHeight;
        var first = ui.history.firstChild;
        Array.prototype.forEach.call(items, function (item) { ui.history.insertBefore(item, first); });
        ui.scroller.scrollTop += ui.scroller.scrollHeight - previousHeight;
        var oldest = items.length ? Number(items[0].getAttribute("data-seq")) : 1;
        if (oldest <= 1 || !items.length) {
          link.parentNode.remove();
          ui.older = null;
        } else {
          var url = link.getAttribute("data-older").replace(/before=\d+/, "before=" + oldest);
          link.setAttribute("data-older", url);
          link.href = "?before=" + oldest;
          link.textContent = T.older;
        }
      })
      .catch(function () { link.textContent = T.older; })
      .then(function () { loadingOlder = false; });
  }

  if (ui.older) {
    ui.older.addEventListener("click", function (event) { event.preventDefault(); loadOlder(); });
  }

  /* ---- composer ------------------------------------------------------------------------ */

  function setReply(seq) {
    var target = document.getElementById("m-" + seq);
    if (!target || !ui.replyInput) return;
    ui.replyInput.value = String(seq);
    var author = target.querySelector(".msg__author").textContent;
    var text = target.querySelector(".msg__body").textContent.slice(0, 80);
    ui.replyText.textContent = fmt(T.replyingTo, { name: author }) + ": " + text;
    ui.replyPreview.hidden = false;
    ui.textarea.focus();
  }

  function clearReply() {
    if (!ui.replyInput) return;
    ui.replyInput.value = "";
    ui.replyText.textContent = "";
    ui.replyPreview.hidden = true;
  }

  function submitComposer() {
    // Files go up with the form itself (the server stores them and broadcasts the message).
    if (ui.fileInput && ui.fileInput.files.length) { ui.composer.submit(); return; }
    var body = ui.textarea.value.replace(/\s+$/, "").replace(/^\s*\n/, "");
    if (!body.trim()) return;
    if (body.length > MAX_CHARS) { showAlert(T.tooLong); return; }
    ui.alert.hidden = true;
    var entry = { client_id: newClientId(), body: body, created: Date.now() };
    var reply = parseInt(ui.replyInput.value, 10);
    if (reply > 0) entry.reply_to = reply;
    outbox.push(entry);
    saveOutbox();
    ui.history.appendChild(buildPending(entry));
    if (ui.empty) { ui.empty.remove(); ui.empty = null; }
    scrollToBottom();
    ui.textarea.value = "";
    lastTypingSent = 0; // the next keystroke starts a new "is typing"
    clearReply();
    closeMentions();
    flushOutbox();
  }

  function sendTyping() {
    var now = Date.now();
    if (now - lastTypingSent < 3000) return;
    lastTypingSent = now;
    send({ type: "typing" });
  }

  /* @mention suggestions: a listbox under the caret's word. */
  var mentionState = { items: [], index: 0, start: -1 };

  function closeMentions() {
    if (!ui.mentions) return;
    ui.mentions.hidden = true;
    ui.mentions.innerHTML = "";
    ui.textarea.removeAttribute("aria-activedescendant");
    mentionState.items = [];
  }

  function updateMentions() {
    var caret = ui.textarea.selectionStart;
    var before = ui.textarea.value.slice(0, caret);
    var match = /[@＠]([^\s@＠]{0,20})$/.exec(before);
    if (!match) { closeMentions(); return; }
    var query = match[1];
    var items = config.members.filter(function (person) {
      return person.id !== config.user && person.name.replace(/\s/g, "").indexOf(query) !== -1;
    }).slice(0, 8);
    if (!items.length) { closeMentions(); return; }
    mentionState = { items: items, index: 0, start: caret - match[0].length };
    renderMentions();
  }

  function renderMentions() {
    ui.mentions.innerHTML = "";
    mentionState.items.forEach(function (person, index) {
      var option = element("li", null, person.name);
      option.id = "mention-" + person.id;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", index === mentionState.index ? "true" : "false");
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        mentionState.index = index;
        chooseMention();
      });
      ui.mentions.appendChild(option);
    });
    ui.mentions.hidden = false;
    ui.textarea.setAttribute("aria-activedescendant", "mention-" + mentionState.items[mentionState.index].id);
  }

  function chooseMention() {
    var person = mentionState.items[mentionState.index];
    var value = ui.textarea.value;
    var caret = ui.textarea.selectionStart;
    var insert = "@" + person.name + " ";
    ui.textarea.value = value.slice(0, mentionState.start) + insert + value.slice(caret);
    var position = mentionState.start + insert.length;
    ui.textarea.setSelectionRange(position, position);
    closeMentions();
  }

  function isImeEnter(event) {
    return event.isComposing || composing || event.keyCode === 229;
  }

  if (ui.composer) {
    ui.textarea.setAttribute("aria-autocomplete", "list");
    ui.textarea.setAttribute("aria-controls", ui.mentions.id = "mention-list");
    ui.textarea.addEventListener("compositionstart", function () { composing = true; });
    ui.textarea.addEventListener("compositionend", function () {
      // Safari fires the confirming Enter's keydown after compositionend: wait one tick.
      window.setTimeout(function () { composing = false; }, 0);
    });
    ui.textarea.addEventListener("keydown", function (event) {
      var listOpen = mentionState.items.length > 0;
      if (listOpen && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        mentionState.index = (mentionState.index + step + mentionState.items.length) % mentionState.items.length;
        renderMentions();
        return;
      }
      if (listOpen && event.key === "Escape") { event.preventDefault(); closeMentions(); return; }
      if (event.key !== "Enter" && event.key !== "Tab") return;
      if (isImeEnter(event)) return; // the Enter that confirms a Japanese conversion
      if (listOpen) { event.preventDefault(); chooseMention(); return; }
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        submitComposer();
      }
    });
    ui.textarea.addEventListener("input", function () {
      sendTyping();
      updateMentions();
    });
    ui.textarea.addEventListener("blur", function () { window.setTimeout(closeMentions, 150); });
    ui.composer.addEventListener("submit", function (event) {
      event.preventDefault();
      submitComposer();
    });
    if (ui.cancelReply) {
      ui.cancelReply.addEventListener("click", function (event) {
        event.preventDefault();
        clearReply();
        ui.textarea.focus();
      });
    }
  }

  /* ---- message actions: reply, edit, delete -------------------------------------------- */

  function startEdit(item) {
    if (item.querySelector(".msg__editor")) return;
    var seq = Number(item.getAttribute("data-seq"));
    var body = item.querySelector(".msg__body");
    var editor = element("div", "msg__editor");
    var label = element("label", "visually-hidden", T.edit + " #" + seq);
    var area = element("textarea");
    area.id = "edit-" + seq;
    label.htmlFor = area.id;
    area.value = item.getAttribute("data-body") || body.textContent;
    var buttons = element("div", "msg__editor-actions");
    var save = element("button", "button button--small", T.save);
    save.type = "button";
    var cancel = element("button", "button button--secondary button--small", T.cancel);
    cancel.type = "button";
    buttons.appendChild(save);
    buttons.appendChild(cancel);
    editor.appendChild(label);
    editor.appendChild(area);
    editor.appendChild(buttons);
    body.hidden = true;
    item.insertBefore(editor, body.nextSibling);
    area.focus();
    function close() { editor.remove(); body.hidden = false; }
    function commit() {
      var text = area.value.trim();
      if (text && send({ type: "message.edit", seq: seq, body: text })) close();
    }
    save.addEventListener("click", commit);
    cancel.addEventListener("click", close);
    area.addEventListener("compositionstart", function () { composing = true; });
    area.addEventListener("compositionend", function () { window.setTimeout(function () { composing = false; }, 0); });
    area.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      if (event.key === "Enter" && !event.shiftKey && !isImeEnter(event)) { event.preventDefault(); commit(); }
    });
  }

  ui.history.addEventListener("click", function (event) {
    var link = event.target.closest("[data-action]");
    if (!link || !isOpen()) return; // without a socket the links lead to the plain pages
    var action = link.getAttribute("data-action");
    if (action === "report") return; // the report form is a page of its own
    var item = link.closest("li[data-seq]");
    var seq = Number(item.getAttribute("data-seq"));
    event.preventDefault();
    if (action === "reply") setReply(seq);
    else if (action === "edit") startEdit(item);
    else if (action === "delete" && window.confirm(T.confirmDelete)) send({ type: "message.delete", seq: seq });
  });

  /* ---- start --------------------------------------------------------------------------- */

  Array.prototype.forEach.call(ui.history.querySelectorAll("li[data-seq]"), function (item) {
    shown[item.getAttribute("data-seq")] = true;
  });
  // Entries the server already stored (the page was reloaded before their ack) are on the page.
  outbox = outbox.filter(function (entry) {
    var selector = 'li[data-seq][data-author-id="' + config.user + '"][data-client-id="' +
      String(entry.client_id).replace(/[^A-Za-z0-9_-]/g, "") + '"]';
    return !ui.history.querySelector(selector);
  });
  outbox.forEach(function (entry) { ui.history.appendChild(buildPending(entry)); });
  if (outbox.length && ui.empty) { ui.empty.remove(); ui.empty = null; }
  var marker = root.querySelector("[data-unread-marker]");
  if (marker && !window.location.hash) ui.scroller.scrollTop = marker.offsetTop - ui.scroller.offsetTop - 8;
  else if (!window.location.hash) scrollToBottom();
  saveOutbox();
  connect();
})();
