// The phone's own store for the recording form (IndexedDB, never Cache Storage):
// - "reference": the form's choices for the signed-in user (communes, clubs, people);
// - "queue": recordings not yet accepted by the server, each under the UUID the phone made;
// - "sent": a short receipt (title, date, commune, link) of what the server accepted.
// Signing out (from the form or the admin) deletes the reference data and the receipts:
// phones are shared. Unsent recordings stay, shown only to the account that made them.
(function () {
  "use strict";
  var NAME = "record-app";
  var opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(NAME, 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          db.createObjectStore("reference");
          db.createObjectStore("queue", { keyPath: "uuid" });
          db.createObjectStore("sent", { keyPath: "uuid" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  }

  function run(storeName, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(storeName, mode);
        var result = work(transaction.objectStore(storeName));
        transaction.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }

  var RecordStore = {
    getReference: function () { return run("reference", "readonly", function (s) { return s.get("data"); }); },
    putReference: function (data) { return run("reference", "readwrite", function (s) { return s.put(data, "data"); }); },
    items: function () { return run("queue", "readonly", function (s) { return s.getAll(); }); },
    putItem: function (item) { return run("queue", "readwrite", function (s) { return s.put(item); }); },
    deleteItem: function (uuid) { return run("queue", "readwrite", function (s) { return s.delete(uuid); }); },
    receipts: function () { return run("sent", "readonly", function (s) { return s.getAll(); }); },
    addReceipt: function (receipt) { return run("sent", "readwrite", function (s) { return s.put(receipt); }); },
    clearPersonal: function () {
      return Promise.all([
        run("reference", "readwrite", function (s) { return s.clear(); }),
        run("sent", "readwrite", function (s) { return s.clear(); }),
      ]);
    },
  };
  window.RecordStore = RecordStore;

  // Any sign-out form (the form's own, the admin's menu): clear first, then sign out.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.action || !/\/admin\/logout\/?$/.test(new URL(form.action, location.href).pathname)) return;
    if (form.dataset.cleared) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var done = function () { form.dataset.cleared = "1"; HTMLFormElement.prototype.submit.call(form); };
    RecordStore.clearPersonal().then(done, done);
  }, true);
})();
