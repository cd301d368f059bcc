// The sign-in sheet's Print button (no inline handler: the Content Security Policy forbids
// them). Hidden without JavaScript, where the browser's own Print menu does the same.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
