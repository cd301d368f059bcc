// The table above is the page; the chart only draws what it already says.
window.addEventListener("DOMContentLoaded", function () {
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var canvas = document.getElementById("chart");
  if (!window.Chart || !canvas || !data.labels.length) { return; }
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: "#9c1c4b" }] },
    // The axis writes numbers as the page's language does: 5.000 in Vietnamese, 5,000 in English.
    options: {
      indexAxis: "y", responsive: true, maintainAspectRatio: false, locale: document.documentElement.lang || "vi",
      plugins: { legend: { display: false } }
    }
  });
  canvas.parentElement.style.height = Math.max(160, data.labels.length * 28 + 60) + "px";
});
