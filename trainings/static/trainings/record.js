// The phone form: keep a draft on the phone, send it when there is a connection.
// Nothing here is needed to submit the form: without JavaScript it posts as usual.
(function () {
  "use strict";
  var KEY = "record-activity-draft";
  var script = document.currentScript;
  var form = document.getElementById("record-form");

  // On the "saved" page: the draft has arrived, forget it.
  if (!form) {
    if (document.querySelector("[data-activity]")) localStorage.removeItem(KEY);
    return;
  }
  var status = document.getElementById("draft-status");
  var uuid = form.querySelector("[name=client_uuid]");
  if (!uuid.value) uuid.value = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));

  function say(text) { status.textContent = text; status.hidden = !text; }

  function serialise() {
    var data = [];
    new FormData(form).forEach(function (value, name) { if (name !== "csrfmiddlewaretoken") data.push([name, value]); });
    return data;
  }

  function save(pending) {
    localStorage.setItem(KEY, JSON.stringify({ fields: serialise(), rows: document.querySelectorAll(".new-row").length - 0, pending: !!pending }));
  }

  function restore(draft) {
    // Recreate the attendee rows first, so that every saved value finds its input.
    var rows = document.querySelectorAll("#new-rows .new-row").length;
    for (var i = rows; i < (draft.rows || 0); i++) addRow();
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
    draft.fields.forEach(function (pair) {
      var inputs = form.querySelectorAll('[name="' + pair[0] + '"]');
      inputs.forEach(function (input) {
        if (input.type === "checkbox" || input.type === "radio") { if (input.value === pair[1]) input.checked = true; }
        else input.value = pair[1];
      });
    });
  }

  var total = form.querySelector("[name=new-TOTAL_FORMS]");
  function addRow() {
    var index = parseInt(total.value, 10);
    var html = document.getElementById("new-row-template").innerHTML.replace(/__prefix__/g, String(index));
    document.getElementById("new-rows").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
  }
  document.getElementById("add-row").addEventListener("click", function () { addRow(); save(false); });

  // Only the people of the chosen commune are shown (those already ticked stay visible).
  var place = form.querySelector("[name=place]");
  function filterPeople() {
    var shown = 0;
    document.querySelectorAll(".person").forEach(function (label) {
      var visible = label.dataset.commune === place.value || label.querySelector("input").checked;
      label.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById("people-empty").hidden = shown > 0;
  }
  place.addEventListener("change", filterPeople);

  var hasErrors = form.querySelector(".error, .errors");
  var stored = localStorage.getItem(KEY);
  if (stored && !hasErrors) {
    var draft = JSON.parse(stored);
    restore(draft);
    say(script.dataset.restored);
    if (draft.pending) send();
  }
  filterPeople();
  form.addEventListener("input", function () { save(false); });
  form.addEventListener("change", function () { save(false); });

  function send() {
    save(true);
    say(script.dataset.sending);
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected && response.ok) {
          localStorage.removeItem(KEY);
          window.location.assign(response.url);
          return;
        }
        return response.text().then(function (html) {
          // Refused (for example a missing field): show the page with its messages, keep the draft.
          save(false);
          document.open(); document.write(html); document.close();
        });
      })
      .catch(function () {
        say(script.dataset.offline);
        window.addEventListener("online", send, { once: true });
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send();
  });
})();
