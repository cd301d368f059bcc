// The phone form, with or without a connection. Save puts the record in the phone's queue
// (queue.js) and sends it at once when online; otherwise it is sent, one record at a time,
// when the connection returns. Without JavaScript the form posts as any form does.
(function () {
  "use strict";
  var script = document.currentScript;
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(script.dataset.swUrl, { scope: script.dataset.scope }).catch(function () {});
  }
  var form = document.getElementById("record-form");
  var store = window.RecordStore;
  var dates = window.DayDates;
  if (!form || !store || !dates || !window.indexedDB) return;

  var T = JSON.parse(document.getElementById("record-texts").textContent);
  var SIMPLE = ["kind", "title", "start_date", "place", "campaign", "club", "participants", "female", "ethnic_minority", "notes"];
  var MAX_DELAY = 5 * 60 * 1000;
  var state = { reference: null, vault: null, sending: null, delay: 0, timer: null, editing: null, signIn: false, retryAt: 0 };
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var $ = function (id) { return document.getElementById(id); };
  var DATE_RULES = { earliestYear: +script.dataset.earliestYear, futureDays: +script.dataset.futureDays };

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().trim();
  }
  function newUuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }
  function make(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function say(text, kind) {
    var result = $("save-result");
    result.textContent = text;
    result.className = "save-result" + (kind ? " is-" + kind : "");
    result.hidden = !text;
  }

  // --- The form's choices, from the phone's store -------------------------------------
  function fillSelect(select, rows, label) {
    var current = select.value;
    select.textContent = "";
    select.appendChild(make("option", { value: "" }, "---------"));
    rows.forEach(function (row) { select.appendChild(make("option", { value: String(row.id) }, label(row))); });
    select.value = current;
  }

  function applyReference(reference) {
    state.reference = reference;
    if (!reference) { $("people-list").textContent = ""; return; }
    fillSelect(form.elements.place, reference.communes, function (c) { return c.name + " (" + c.province + ")"; });
    fillSelect(form.elements.club, reference.clubs, function (c) { return c.name; });
    var list = $("people-list");
    var ticked = {};
    list.querySelectorAll("input:checked").forEach(function (box) { ticked[box.value] = true; });
    list.textContent = "";
    reference.people.forEach(function (person) {
      var label = make("label", { class: "check person", "data-commune": String(person.commune) });
      var box = make("input", { type: "checkbox", name: "present", value: String(person.id) });
      box.checked = !!ticked[person.id];
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + person.name + " "));
      if (person.birth_year) label.appendChild(make("small", {}, "(" + person.birth_year + ")"));
      list.appendChild(label);
    });
    filterPeople();
    search.sync();
  }

  // Only the people of the chosen commune are shown (those already ticked stay visible).
  function filterPeople() {
    var place = form.elements.place.value;
    var shown = 0;
    document.querySelectorAll(".person").forEach(function (label) {
      var visible = (place && label.dataset.commune === place) || label.querySelector("input").checked;
      label.hidden = !visible;
      if (visible) shown++;
    });
    $("people-choose").hidden = !!place;
    $("people-empty").hidden = !place || shown > 0;
  }

  function toggleClub() {
    var field = form.querySelector("[data-field=club]");
    if (field) field.hidden = form.elements.kind.value !== "club_meeting" && !form.elements.club.value;
  }

  // --- A commune search instead of a long list: with or without accents ----------------
  var search = (function () {
    var select = form.elements.place;
    var input = make("input", {
      type: "text", id: "commune-search", role: "combobox", autocomplete: "off",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "commune-options",
      placeholder: T.search_placeholder,
    });
    var list = make("ul", { id: "commune-options", role: "listbox", class: "commune-options", "aria-label": T.search_results });
    list.hidden = true;
    var wrapper = make("div", { class: "commune-search" });
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    var label = form.querySelector('label[for="' + select.id + '"]');
    if (label) label.htmlFor = input.id;
    select.parentNode.insertBefore(wrapper, select);
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute("aria-hidden", "true");
    var active = -1;

    function options() {
      var query = fold(input.value);
      if (!query) return [];
      var found = Array.prototype.filter.call(select.options, function (o) { return o.value && fold(o.text).indexOf(query) >= 0; });
      found.sort(function (a, b) { return (fold(a.text).indexOf(query) === 0 ? 0 : 1) - (fold(b.text).indexOf(query) === 0 ? 0 : 1); });
      return found.slice(0, 12);
    }
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; }
    function show() {
      var found = options();
      list.textContent = "";
      found.forEach(function (option, index) {
        var item = make("li", { role: "option", id: "commune-option-" + option.value, "data-value": option.value, "aria-selected": "false" }, option.text);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(option.value); });
        list.appendChild(item);
        if (index === 0) active = -1;
      });
      if (!found.length && input.value.trim()) list.appendChild(make("li", { class: "none", "aria-disabled": "true" }, T.no_commune));
      list.hidden = !list.children.length;
      input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    }
    function highlight(index) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }
    function choose(value) {
      select.value = value;
      sync();
      close();
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function sync() {
      var option = select.options[select.selectedIndex];
      input.value = option && option.value ? option.text : "";
    }
    input.addEventListener("input", function () { if (select.value) { select.value = ""; filterPeople(); } show(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) show(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Enter" && !list.hidden) {
        event.preventDefault();
        var items = list.querySelectorAll("[role=option]");
        if (items.length) choose(items[Math.max(active, 0)].dataset.value);
      } else if (event.key === "Escape") close();
    });
    input.addEventListener("blur", close);
    return { sync: sync };
  })();

  // --- The date, read day first and said back in words ---------------------------------
  // The reading of the date as typed: null when it is right (and shown in words), else what is wrong.
  function dateProblem() {
    var input = form.elements.start_date;
    var words = $("date-words");
    var field = form.querySelector("[data-field=start_date]");
    var result = dates.check(input.value, DATE_RULES);
    var problem = null;
    if (result.ok) {
      words.textContent = T.date_reads.replace("{words}", dates.words(result.date, T.date_words, T.months));
    } else {
      var shown = result.date ? dates.shown(result.date) : "";
      problem = T["date_" + result.problem].replace("{date}", shown).replace("{year}", DATE_RULES.earliestYear);
      words.textContent = input.value.trim() ? problem : "";
    }
    words.className = "date-words" + (problem ? " is-error" : "");
    words.hidden = !words.textContent;
    if (field) field.classList.toggle("has-error", !!problem && !!input.value.trim());
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    return problem;
  }

  function isoDate(text) {
    var date = dates.parse(text);
    return date ? date.iso : String(text || "").trim();
  }

  // --- Reading and filling the form ---------------------------------------------------
  var total = form.querySelector("[name=new-TOTAL_FORMS]");
  function addRow() {
    var index = parseInt(total.value, 10);
    var html = $("new-row-template").innerHTML.replace(/__prefix__/g, String(index));
    $("new-rows").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    return $("new-rows").lastElementChild;
  }
  function clearRows(keep) {
    $("new-rows").textContent = "";
    total.value = "0";
    for (var i = 0; i < keep; i++) addRow();
  }

  function collect() {
    var data = new FormData(form);
    var payload = { client_uuid: form.elements.client_uuid.value, audiences: data.getAll("audiences"), present: data.getAll("present"), new: [] };
    SIMPLE.forEach(function (name) { payload[name] = String(data.get(name) || "").trim(); });
    payload.start_date = isoDate(payload.start_date);  // sent unambiguous, whatever was typed
    // An unusual count, confirmed by its box (the server asks for it): true or false, never text.
    payload.confirm_counts = !!(form.elements.confirm_counts && form.elements.confirm_counts.checked);
    $("new-rows").querySelectorAll(".new-row").forEach(function (row) {
      var attendee = {};
      row.querySelectorAll("input, select").forEach(function (input) {
        var match = /^new-\d+-(.+)$/.exec(input.name);
        if (match) attendee[match[1]] = input.value.trim();
      });
      if (attendee.full_name) payload.new.push(attendee);
    });
    return payload;
  }

  function fill(payload) {
    SIMPLE.forEach(function (name) { if (form.elements[name]) form.elements[name].value = payload[name] || ""; });
    var date = dates.parse(payload.start_date);
    if (date) form.elements.start_date.value = dates.shown(date);
    dateProblem();
    form.elements.client_uuid.value = payload.client_uuid;
    if (form.elements.confirm_counts) form.elements.confirm_counts.checked = !!payload.confirm_counts;
    form.querySelectorAll("input[name=audiences], input[name=present]").forEach(function (box) {
      box.checked = (payload[box.name] || []).indexOf(box.value) >= 0;
    });
    clearRows(0);
    payload.new.forEach(function (attendee) {
      var row = addRow();
      Object.keys(attendee).forEach(function (name) {
        var input = row.querySelector('[name$="-' + name + '"]');
        if (input) input.value = attendee[name];
      });
    });
    if (!payload.new.length) addRow();
    filterPeople();
    toggleClub();
    search.sync();
  }

  function blank() {
    form.reset();
    dateProblem();
    form.elements.client_uuid.value = newUuid();
    clearRows(2);
    filterPeople();
    toggleClub();
    search.sync();
  }

  function labelOf(payload) {
    var option = form.elements.place.options[form.elements.place.selectedIndex];
    return { title: payload.title, date: payload.start_date, commune: option ? option.text : "" };
  }

  // --- The queue on the page and the status banner ------------------------------------
  function ownItems() {
    return store.items(state.vault).then(function (found) {
      return found.own.sort(function (a, b) { return a.saved - b.saved; });
    });
  }

  function render() {
    var v = state.vault;
    return Promise.all([store.items(v), v ? store.receipts(v) : Promise.resolve([])]).then(function (found) {
      var own = found[0].own.sort(function (a, b) { return a.saved - b.saved; });
      var others = found[0].others;
      var receipts = found[1];
      receipts.sort(function (a, b) { return b.sent - a.sent; });
      var list = $("queue-list");
      list.textContent = "";
      own.forEach(function (item) { list.appendChild(itemLine(item)); });
      receipts.slice(0, 20).forEach(function (receipt) { list.appendChild(receiptLine(receipt)); });
      if (others) list.appendChild(make("li", { class: "other" }, T.other_account.replace("{n}", others)));
      $("queue").hidden = !list.children.length;
      $("queue-signin").hidden = !state.signIn;
      var pending = own.filter(function (item) { return item.status === "pending"; }).length;
      var refused = own.length - pending;
      banner(pending, refused);
      document.body.dataset.queue = String(own.length);
      return own;
    });
  }

  function describe(label) {
    return [label.title, label.date ? label.date.split("-").reverse().join("/") : "", label.commune].filter(Boolean).join(" · ");
  }

  function itemLine(item) {
    var line = make("li", { class: "queue-item is-" + item.status, "data-uuid": item.uuid });
    line.appendChild(make("span", { class: "what" }, describe(item.label)));
    var status = item.status === "refused" ? T.refused + " (" + item.reason + ")" : T.pending;
    line.appendChild(make("strong", { class: "status" }, status));
    if (item.status === "refused") {
      var edit = make("button", { type: "button", class: "secondary" }, T.correct);
      edit.addEventListener("click", function () { correct(item); });
      line.appendChild(edit);
    }
    return line;
  }

  function receiptLine(receipt) {
    var line = make("li", { class: "queue-item is-sent" });
    line.appendChild(make("a", { class: "what", href: receipt.url }, describe(receipt.label)));
    line.appendChild(make("strong", { class: "status" }, T.sent));
    return line;
  }

  function banner(pending, refused) {
    var parts = [];
    var kind = "ok";
    if (!navigator.onLine) { parts.push(T.offline); kind = "offline"; }
    if (state.sending) { parts.push(T.sending); kind = "sending"; }
    if (pending) { parts.push(T.waiting.replace("{n}", pending)); if (kind === "ok") kind = "waiting"; }
    if (refused) { parts.push(T.refused_count.replace("{n}", refused)); if (kind === "ok") kind = "waiting"; }
    if (state.signIn) { parts.push(T.sign_in); kind = "offline"; }
    if (!parts.length) parts.push(T.all_sent);
    var status = $("app-status");
    status.textContent = parts.join(" · ");
    status.className = "app-status is-" + kind;
    status.hidden = false;
  }

  function correct(item) {
    state.editing = item;
    fill(item.payload);
    say(T.correcting + " " + item.reason, "error");
    form.scrollIntoView();
  }

  // --- Sending, one record at a time --------------------------------------------------
  function retryLater() {
    state.delay = Math.min(Math.max(state.delay * 2, 5000), MAX_DELAY);
    clearTimeout(state.timer);
    state.timer = setTimeout(send, state.delay);
  }

  function needSignIn() {
    state.signIn = true;
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
  }

  // The phone's data comes in rows (trainings/phone_sync.py); it keeps them as named fields.
  var COLUMNS = {
    communes: ["id", "name", "province"],
    clubs: ["id", "name", "place"],
    campaigns: ["id", "name"],
    people: ["id", "name", "birth_year", "commune"],
  };
  function named(section, rows) {
    return rows.map(function (row) {
      var item = {};
      COLUMNS[section].forEach(function (column, index) { item[column] = row[index]; });
      return item;
    });
  }
  function byName(a, b) { return a.name.localeCompare(b.name, "vi") || a.id - b.id; }

  // The whole data replaces what was kept; an answer since a token changes only what it names.
  function merged(kept, answer) {
    var base = answer.full || !kept ? { communes: [], clubs: [], campaigns: [], people: [] } : kept;
    var reference = { token: answer.token };
    ["communes", "clubs", "campaigns"].forEach(function (section) {
      reference[section] = answer[section] ? named(section, answer[section]) : base[section];
    });
    var people = {};
    base.people.forEach(function (person) { people[person.id] = person; });
    (answer.removed || []).forEach(function (id) { delete people[id]; });
    named("people", answer.people || []).forEach(function (person) { people[person.id] = person; });
    reference.people = Object.keys(people).map(function (id) { return people[id]; }).sort(byName);
    return reference;
  }

  // The first time the whole data, then only what changed since the token kept with it.
  function fetchReference(kept) {
    var url = script.dataset.dataUrl;
    if (kept && kept.token) url += "?since=" + encodeURIComponent(kept.token);
    return getJson(url).then(function (response) {
      if (!response.ok) return null;
      return response.json().then(function (answer) { return merged(kept, answer); });
    });
  }

  function refresh() {
    return getJson(script.dataset.sessionUrl)
      .then(function (response) {
        // The session ended (expired, or signed out elsewhere): keep everything, ask to sign in.
        // A different account signing in next replaces the reference data (below).
        // The names on the phone go with it; her unsent records stay, encrypted, for her to send.
        if (response.status === 401 || response.status === 403) {
          needSignIn();
          return store.clearPersonal().then(function () { applyReference(null); return false; });
        }
        if (!response.ok) { retryLater(); return false; }
        return response.json().then(function (session) {
          csrf = session.csrf;
          state.signIn = false;
          return store.unlockWithServer(session.owner, session.key).then(function (v) {
            unlocked(v);
            return store.dropOthers(v)
              .then(function () { return store.getReference(v); })
              .then(function (kept) {
                return fetchReference(kept).then(function (reference) {
                  if (!reference) { if (kept) applyReference(kept); retryLater(); return false; }
                  return store.putReference(v, reference)
                    .then(function () { return store.adoptOldRecords(v, session.user); })
                    .then(function () { applyReference(reference); return true; });
                });
              });
          });
        });
      }, function () { retryLater(); return false; });
  }

  // --- Someone the phone does not keep: the server's search, while online ---------------
  function searchPeople() {
    var text = $("people-search-input").value.trim();
    var results = $("people-search-results");
    results.textContent = "";
    if (text.length < 2) return;
    if (!navigator.onLine) { results.appendChild(make("li", {}, T.search_offline)); return; }
    var url = script.dataset.peopleUrl + "?q=" + encodeURIComponent(text);
    getJson(url).then(function (response) {
      if (!response.ok) { results.appendChild(make("li", {}, T.search_offline)); return; }
      return response.json().then(function (answer) {
        var found = named("people", answer.people);
        if (!found.length) results.appendChild(make("li", {}, T.search_none));
        found.forEach(function (person) {
          var item = make("li");
          var label = person.name + (person.birth_year ? " (" + person.birth_year + ")" : "");
          var add = make("button", { type: "button", class: "secondary", "data-person": String(person.id) }, label);
          add.addEventListener("click", function () { addPerson(person); item.remove(); });
          item.appendChild(add);
          results.appendChild(item);
        });
      });
    }, function () { results.appendChild(make("li", {}, T.search_offline)); });
  }

  // A person found is kept on the phone with the others, and ticked.
  function addPerson(person) {
    var reference = state.reference || { communes: [], clubs: [], campaigns: [], people: [] };
    if (!reference.people.some(function (known) { return known.id === person.id; })) {
      reference.people = reference.people.concat([person]).sort(byName);
    }
    applyReference(reference);
    var box = $("people-list").querySelector('input[value="' + person.id + '"]');
    if (box) box.checked = true;
    filterPeople();
    if (state.vault) store.putReference(state.vault, reference);
  }

  function post(item) {
    return fetch(script.dataset.submitUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(item.payload),
    }).then(function (response) {
      var isJson = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
      return (isJson ? response.json() : Promise.resolve(null)).then(function (body) {
        if ((response.status === 200 || response.status === 201) && body) {
          state.delay = 0;
          var receipt = { uuid: item.uuid, label: item.label, url: body.url, sent: Date.now() };
          return store.addReceipt(state.vault, receipt).then(function () { return store.deleteItem(item.uuid); }).then(function () { return "sent"; });
        }
        if (response.status === 401 || (response.status === 403 && !body)) { needSignIn(); return "stop"; }
        if (body && [400, 403, 409].indexOf(response.status) >= 0) {
          item.status = "refused";
          item.reason = body.reason;
          item.conflict = response.status === 409;
          return store.putItem(state.vault, item).then(function () { return "refused"; });
        }
        retryLater();
        return "stop";
      });
    }, function () { retryLater(); return "stop"; });
  }

  function send() {
    if (state.sending) return state.sending;
    if (!navigator.onLine) return render();
    clearTimeout(state.timer);
    state.sending = refresh()
      .then(function (ready) {
        render();
        if (!ready) return;
        return ownItems().then(function (items) {
          var waiting = items.filter(function (item) { return item.status === "pending"; });
          return waiting.reduce(function (chain, item) {
            return chain.then(function (previous) {
              if (previous === "stop") return "stop";
              return post(item);
            });
          }, Promise.resolve());
        });
      })
      .catch(function () { retryLater(); })
      .then(function () { state.sending = null; return render(); });
    render();
    return state.sending;
  }

  // --- Saving ------------------------------------------------------------------------
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var payload = collect();
    if (!payload.title || !payload.start_date || !payload.place) { say(T.missing, "error"); return; }
    var wrongDate = dateProblem();
    // A date that cannot be right is never queued: the trainer corrects it now, not weeks later.
    if (wrongDate) { say(wrongDate, "error"); form.elements.start_date.focus(); return; }
    if (!state.vault) { say(T.locked, "error"); return; }
    if (state.editing && state.editing.conflict) payload.client_uuid = newUuid();
    var item = { uuid: payload.client_uuid, payload: payload, status: "pending", reason: "", label: labelOf(payload), saved: Date.now() };
    var replaced = state.editing && state.editing.uuid !== item.uuid ? store.deleteItem(state.editing.uuid) : Promise.resolve();
    state.editing = null;
    replaced
      .then(function () { return store.putItem(state.vault, item); })
      .then(function () {
        blank();
        if (!navigator.onLine) { say(T.saved_offline, "waiting"); return render(); }
        say(T.sending, "waiting");
        return send().then(function () { return Promise.all([ownItems(), store.receipts(state.vault)]); }).then(function (found) {
          var still = found[0].filter(function (queued) { return queued.uuid === item.uuid; })[0];
          var receipt = found[1].filter(function (sent) { return sent.uuid === item.uuid; })[0];
          if (receipt) { say(T.saved_sent, "ok"); window.location.assign(receipt.url); }
          else if (still && still.status === "refused") correct(still);
          else say(T.saved_offline, "waiting");
        });
      })
      .catch(function () { say(T.not_saved, "error"); });
  });

  $("add-row").addEventListener("click", function () { addRow(); });
  $("people-search").hidden = false;
  $("people-search-go").addEventListener("click", searchPeople);
  $("people-search-input").addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); searchPeople(); }
  });
  form.elements.place.addEventListener("change", filterPeople);
  form.elements.kind.addEventListener("change", toggleClub);
  form.elements.start_date.addEventListener("input", dateProblem);
  $("send-now").addEventListener("click", function () { state.delay = 0; send(); });
  $("export-queue").addEventListener("click", function () {
    ownItems().then(function (items) {
      var body = JSON.stringify({ exported: new Date().toISOString(), records: items }, null, 2);
      var link = make("a", { href: URL.createObjectURL(new Blob([body], { type: "application/json" })) });
      link.download = T.export_name + "-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
  window.addEventListener("online", function () { state.delay = 0; send(); });
  window.addEventListener("offline", render);

  if (form.querySelector(".error, .errors") === null && !form.elements.client_uuid.value) form.elements.client_uuid.value = newUuid();
  if (!form.elements.client_uuid.value) form.elements.client_uuid.value = newUuid();
  toggleClub();
  filterPeople();
  dateProblem();
  // --- The PIN: set once signed in, asked for when the phone opens without her session ---
  function unlocked(v) {
    state.vault = v;
    $("pin-unlock").hidden = true;
    $("pin-setup").hidden = v.hasPin;
    document.body.dataset.locked = "false";
  }

  $("pin-setup-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var pin = $("pin-new").value;
    if (!/^\d{6,}$/.test(pin)) { $("pin-setup-result").textContent = T.pin_short; return; }
    store.setPin(state.vault, pin).then(function () {
      $("pin-new").value = "";
      $("pin-setup").hidden = true;
      say(T.pin_set, "ok");
    }, function () { $("pin-setup-result").textContent = T.not_saved; });
  });

  $("pin-unlock-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var input = $("pin-enter");
    $("pin-unlock-result").textContent = "";
    store.unlockWithPin(input.value).then(function (v) {
      input.value = "";
      unlocked(v);
      return store.getReference(v).then(function (reference) {
        applyReference(reference);
        document.body.dataset.ready = reference ? "data" : "empty";
        return render();
      });
    }, function () { input.value = ""; $("pin-unlock-result").textContent = T.pin_wrong; });
  });

  // Nothing is shown until her session (online) or her PIN (offline) opens her records.
  store.hasPin().then(function (pin) {
    if (!state.vault) {
      $("pin-unlock").hidden = !pin;
      document.body.dataset.locked = pin ? "true" : "false";
    }
    return render();
  }).then(send).then(function () {
    document.body.dataset.ready = state.reference ? "data" : "empty";
  });
})();
