// The recording form's service worker, scoped to {{ record }}. It keeps the form's page
// shell (no names in it), its scripts, styles and icons in a versioned cache, and serves
// an offline page for anything else. It never caches a POST, an admin page, the data
// endpoint or any page with people in it: those live in IndexedDB (queue.js) or nowhere.
"use strict";
var VERSION = "{{ version }}";
var CACHE = "record-" + VERSION;
var PRECACHE = {{ precache|safe }};
var SHELL = "{{ shell }}";
var OFFLINE = "{{ offline }}";
var RECORD = "{{ record }}";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(PRECACHE.map(function (url) {
        return fetch(url, { credentials: "same-origin", redirect: "error", cache: "no-store" }).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return cache.put(url, response);
        });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("record-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/admin/") === 0) return;
  if (request.mode === "navigate") {
    // Pages come from the network, uncached; offline, the form's shell or the offline page.
    event.respondWith(fetch(request).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname === RECORD ? SHELL : OFFLINE);
      });
    }));
    return;
  }
  if (PRECACHE.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname).then(function (hit) { return hit || fetch(request); });
    }));
  }
});
