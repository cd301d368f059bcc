// Draws the report's two charts with Chart.js from the numbers the page carries as JSON.
(function () {
  "use strict";
  const source = document.getElementById("report-charts-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  const colours = { sessions: "#2e6f9e", participants: "#c2410c" };
  const number = new Intl.NumberFormat("vi-VN");

  function datasets(series, kind) {
    return Object.keys(series).map(function (measure) {
      return {
        label: data.measures[measure],
        data: series[measure],
        backgroundColor: colours[measure],
        borderColor: colours[measure],
        yAxisID: measure === "sessions" ? "sessions" : "people",
        tension: kind === "line" ? 0.2 : undefined,
      };
    });
  }

  function draw(id, kind, chartData) {
    const canvas = document.getElementById(id);
    if (!canvas || !chartData.labels.length) {
      return;
    }
    new Chart(canvas, {
      type: kind,
      data: { labels: chartData.labels, datasets: datasets(chartData.series, kind) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // Axes write numbers as the admin's language does (5.000 in Vietnamese), as the table does.
        locale: document.documentElement.lang || "vi",
        plugins: {
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + number.format(item.parsed.y);
              },
            },
          },
        },
        scales: {
          sessions: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: data.measures.sessions } },
          people: {
            type: "linear",
            position: "right",
            beginAtZero: true,
            grid: { drawOnChartArea: false },
            title: { display: true, text: data.measures.participants },
          },
        },
      },
    });
  }

  draw("chart-provinces", "bar", data.provinces);
  draw("chart-months", "line", data.months);
})();
