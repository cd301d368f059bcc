// The phone's own store for the recording form (IndexedDB, never Cache Storage), kept per
// account and encrypted at rest (WebCrypto, AES-GCM): a phone is shared, lost or picked up,
// and nobody but its trainer may read a name on it.
// - "keys": per account, its data key wrapped twice: by a key the server gives only to her
//   signed-in session, and by a key made from the PIN she sets (PBKDF2), for days without signal;
// - "people": the form's choices for the account (communes, clubs, people) with the token
//   of the server's last answer, which the next sync sends back (?since=), encrypted;
// - "outbox": recordings not yet accepted by the server, each under the UUID the phone made,
//   encrypted; only its UUID, its account's code and when it was saved are in clear;
// - "receipts": a short receipt (title, date, commune, link) of what the server accepted, encrypted.
// The account's code is a digest made by the server: no user name is kept in clear.
// Signing out (from the form or the admin) and an ended session delete the people and the
// receipts; unsent recordings stay, encrypted, until their own account sends them.
(function () {
  "use strict";
  var NAME = "record-app";
  var VERSION = 2;
  var PIN_ROUNDS = 310000; // PBKDF2-SHA-256 rounds: a second or so on a cheap phone, per try
  var opening = null;
  var subtle = window.crypto && window.crypto.subtle;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(NAME, VERSION);
        request.onupgradeneeded = function () {
          var db = request.result;
          // Version 1 kept names in clear: its people and receipts go; its unsent records
          // ("queue") stay until their account unlocks the phone and they are moved, encrypted.
          ["reference", "sent"].forEach(function (name) {
            if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
          });
          db.createObjectStore("keys", { keyPath: "owner" });
          db.createObjectStore("people", { keyPath: "owner" });
          db.createObjectStore("outbox", { keyPath: "uuid" });
          db.createObjectStore("receipts", { keyPath: "uuid" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  }

  function run(storeName, mode, work) {
    return open().then(function (db) {
      if (!db.objectStoreNames.contains(storeName)) return undefined;
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(storeName, mode);
        var result = work(transaction.objectStore(storeName));
        transaction.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function getAll(storeName) { return run(storeName, "readonly", function (s) { return s.getAll(); }).then(function (rows) { return rows || []; }); }
  function put(storeName, row) { return run(storeName, "readwrite", function (s) { return s.put(row); }); }
  function remove(storeName, key) { return run(storeName, "readwrite", function (s) { return s.delete(key); }); }

  // --- Keys -----------------------------------------------------------------------------
  function fromBase64(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function aesKey(raw) { return subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]); }
  function encrypt(key, bytes) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return subtle.encrypt({ name: "AES-GCM", iv: iv }, key, bytes).then(function (data) { return { iv: iv, data: data }; });
  }
  function decrypt(key, box) { return subtle.decrypt({ name: "AES-GCM", iv: box.iv }, key, box.data); }
  function pinKey(pin, salt) {
    return subtle.importKey("raw", encoder.encode(pin), "PBKDF2", false, ["deriveKey"]).then(function (base) {
      var how = { name: "PBKDF2", salt: salt, iterations: PIN_ROUNDS, hash: "SHA-256" };
      return subtle.deriveKey(how, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    });
  }
  // A vault: the account's code and its data key, in this page's memory only.
  function vault(owner, raw) {
    return aesKey(raw).then(function (key) { return { owner: owner, key: key, raw: raw }; });
  }
  function keyRecord(owner) { return run("keys", "readonly", function (s) { return s.get(owner); }); }

  // Online: the key the server gives her session unwraps her data key (made on first use).
  function unlockWithServer(owner, serverKey) {
    return Promise.all([aesKey(fromBase64(serverKey)), keyRecord(owner)]).then(function (found) {
      var wrapping = found[0];
      var record = found[1];
      if (record) {
        return decrypt(wrapping, record.server).then(function (raw) {
          return vault(owner, new Uint8Array(raw)).then(function (v) { v.hasPin = !!record.pin; return v; });
        });
      }
      var raw = crypto.getRandomValues(new Uint8Array(32));
      return encrypt(wrapping, raw).then(function (box) {
        return put("keys", { owner: owner, server: box, pin: null });
      }).then(function () { return vault(owner, raw); }).then(function (v) { v.hasPin = false; return v; });
    });
  }

  function setPin(v, pin) {
    var salt = crypto.getRandomValues(new Uint8Array(16));
    return Promise.all([pinKey(pin, salt), keyRecord(v.owner)]).then(function (found) {
      return encrypt(found[0], v.raw).then(function (box) {
        found[1].pin = { salt: salt, box: box };
        v.hasPin = true;
        return put("keys", found[1]);
      });
    });
  }

  // Offline: the PIN opens the account whose data key it unwraps; a wrong PIN opens none.
  function unlockWithPin(pin) {
    return getAll("keys").then(function (records) {
      return records.filter(function (r) { return r.pin; }).reduce(function (found, record) {
        return found.then(function (v) {
          if (v) return v;
          return pinKey(pin, record.pin.salt)
            .then(function (key) { return decrypt(key, record.pin.box); })
            .then(function (raw) { return vault(record.owner, new Uint8Array(raw)); }, function () { return null; });
        });
      }, Promise.resolve(null));
    }).then(function (v) { if (!v) throw new Error("wrong PIN"); v.hasPin = true; return v; });
  }

  function hasPin() {
    return getAll("keys").then(function (records) { return records.some(function (r) { return r.pin; }); });
  }

  function seal(v, value) { return encrypt(v.key, encoder.encode(JSON.stringify(value))); }
  function unseal(v, box) { return decrypt(v.key, box).then(function (bytes) { return JSON.parse(decoder.decode(bytes)); }); }

  // --- The account's rows -----------------------------------------------------------------
  function opened(v, rows) {
    var own = rows.filter(function (row) { return row.owner === v.owner; });
    return Promise.all(own.map(function (row) { return unseal(v, row.box); }));
  }

  var RecordStore = {
    unlockWithServer: unlockWithServer,
    unlockWithPin: unlockWithPin,
    setPin: setPin,
    hasPin: hasPin,
    getReference: function (v) {
      return run("people", "readonly", function (s) { return s.get(v.owner); }).then(function (row) {
        return row ? unseal(v, row.box) : null;
      });
    },
    putReference: function (v, data) {
      return seal(v, data).then(function (box) { return put("people", { owner: v.owner, box: box }); });
    },
    // One account's names on the phone at a time: the one signed in now.
    dropOthers: function (v) {
      return getAll("people").then(function (rows) {
        return Promise.all(rows.filter(function (r) { return r.owner !== v.owner; }).map(function (r) { return remove("people", r.owner); }));
      });
    },
    // {own: this account's records, opened; others: how many wait for another account}.
    items: function (v) {
      return getAll("outbox").then(function (rows) {
        var others = rows.filter(function (row) { return !v || row.owner !== v.owner; }).length;
        return (v ? opened(v, rows) : Promise.resolve([])).then(function (own) { return { own: own, others: others }; });
      });
    },
    putItem: function (v, item) {
      return seal(v, item).then(function (box) { return put("outbox", { uuid: item.uuid, owner: v.owner, saved: item.saved, box: box }); });
    },
    deleteItem: function (uuid) { return remove("outbox", uuid); },
    receipts: function (v) { return getAll("receipts").then(function (rows) { return opened(v, rows); }); },
    addReceipt: function (v, receipt) {
      return seal(v, receipt).then(function (box) { return put("receipts", { uuid: receipt.uuid, owner: v.owner, sent: receipt.sent, box: box }); });
    },
    // Records left in clear by the form's first version: moved into the account's outbox, encrypted.
    adoptOldRecords: function (v, username) {
      return getAll("queue").then(function (rows) {
        var theirs = rows.filter(function (item) { return !item.owner || item.owner === username; });
        return theirs.reduce(function (chain, item) {
          return chain.then(function () {
            item.owner = v.owner;
            return RecordStore.putItem(v, item).then(function () { return remove("queue", item.uuid); });
          });
        }, Promise.resolve());
      });
    },
    clearPersonal: function () {
      return Promise.all([
        run("people", "readwrite", function (s) { return s.clear(); }),
        run("receipts", "readwrite", function (s) { return s.clear(); }),
      ]);
    },
  };
  window.RecordStore = subtle ? RecordStore : null;

  // Any sign-out form (the form's own, the admin's menu): clear first, then sign out.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.action || !/\/admin\/logout\/?$/.test(new URL(form.action, location.href).pathname)) return;
    if (form.dataset.cleared || !subtle) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var done = function () { form.dataset.cleared = "1"; HTMLFormElement.prototype.submit.call(form); };
    RecordStore.clearPersonal().then(done, done);
  }, true);
})();
