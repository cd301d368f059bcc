// Starts the Wagtail admin widgets that Wagtail would start with inline scripts, which
// our Content Security Policy forbids (see core/admin_csp.py): each leaves its
// settings in a JSON block. Also for widgets added later (new inline forms, dialogs).
(function () {
  "use strict";
  var pickers = { date: "initDateChooser", datetime: "initDateTimeChooser", time: "initTimeChooser" };

  // The date picker's default replaces text it cannot read with today's date when the
  // field loses focus: "2016-03-16" typed into a dd/mm/yyyy picker, or 31/02/2016, was
  // silently saved as today. Keep what was typed; the form reads it (day first or ISO)
  // and refuses what it cannot read, with a message.
  if (window.jQuery && jQuery.fn.datetimepicker) jQuery.fn.datetimepicker.defaults.validateOnBlur = false;

  function each(selector, start) {
    document.querySelectorAll(selector + ":not([data-started])").forEach(function (block) {
      // A form's empty template is copied when a form is added: start only real widgets.
      if (block.closest("template")) return;
      block.dataset.started = "true";
      start(block, JSON.parse(block.textContent));
    });
  }

  function startAll() {
    each('script[type="application/json"][data-start-picker]', function (block, config) {
      window[pickers[block.dataset.startPicker]](block.dataset.for, config);
    });
    each('script[type="application/json"][data-start-widget]', function (block, start) {
      if (start.call) window[start.call].apply(null, start.args);
      else new window[start.construct](start.args[0], start.args[1]);
    });
    each('script[type="application/json"][data-start-panel]', function (block, options) {
      new window[block.dataset.startPanel](options);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
  new MutationObserver(startAll).observe(document.documentElement, { childList: true, subtree: true });
})();
