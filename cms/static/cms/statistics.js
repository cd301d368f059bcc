// The table above is the page; the chart only draws what it already says.
window.addEventListener("DOMContentLoaded", function () {
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var canvas = document.getElementById("chart");
  if (!window.Chart || !canvas || !data.labels.length) { return; }
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: "#9c1c4b" }] },
    options: { indexAxis: "y", responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } }
  });
  canvas.parentElement.style.height = Math.max(160, data.labels.length * 28 + 60) + "px";
});
