// Dates as trainers type them, read the same way as the server reads them (config/formats):
// day first (16/3/2019, 16-03-2019, 16.03.2019) or ISO (2019-03-16), whatever language the
// phone speaks. Never month first: an English phone's own date picker filed 16 March in
// December. A date the calendar lacks, one before the earliest year and one after today and
// a small margin (campaigns.conf) are refused here, before a record is queued, as the server
// refuses them.
(function () {
  "use strict";
  var DAY_FIRST = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/;
  var ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  // {day, month, year, iso} for a date in the calendar, or null.
  function parse(text) {
    var value = String(text || "").trim();
    var match = DAY_FIRST.exec(value);
    var day, month, year;
    if (match) { day = +match[1]; month = +match[2]; year = +match[3]; }
    else if ((match = ISO.exec(value))) { year = +match[1]; month = +match[2]; day = +match[3]; }
    else return null;
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return { day: day, month: month, year: year, iso: year + "-" + pad(month) + "-" + pad(day) };
  }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function addDays(iso, days) {
    var parts = iso.split("-");
    var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2] + days));
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate());
  }

  // What `text` is: {ok: true, date} or {ok: false, problem: "invalid" | "early" | "future", date}.
  // `rules` gives the earliest year and the days after today a held activity may be dated.
  function check(text, rules) {
    var date = parse(text);
    if (!date) return { ok: false, problem: "invalid", date: null };
    if (date.year < rules.earliestYear) return { ok: false, problem: "early", date: date };
    if (date.iso > addDays(today(), rules.futureDays)) return { ok: false, problem: "future", date: date };
    return { ok: true, date: date };
  }

  // The date in words, from the page's own template: "ngày 16 tháng 3 năm 2019", "16 March 2019".
  function words(date, template, months) {
    return template.replace("{day}", date.day).replace("{month}", date.month)
      .replace("{month_name}", months[date.month - 1]).replace("{year}", date.year);
  }

  function shown(date) { return pad(date.day) + "/" + pad(date.month) + "/" + date.year; }

  window.DayDates = { parse: parse, check: check, words: words, shown: shown };
})();
