(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("atlas-data").textContent);
  var table = document.getElementById("atlas-table");
  var query = new URLSearchParams(location.search);
  var problems = [];

  function wanted(param, items, noun) {
    var ids = items.map(function (item) { return item.id; });
    var asked = (query.get(param) || "").split(",").map(function (id) {
      return id.trim().toLowerCase();
    }).filter(Boolean);
    var unknown = asked.filter(function (id) { return ids.indexOf(id) < 0; });
    if (unknown.length) {
      problems.push("Unknown " + noun + " id " + unknown.map(JSON.stringify).join(", ") +
        " in ?" + param + "=" + query.get(param) + ". Valid " + noun + " ids: " +
        items.map(function (item) {
          return item.id + " (" + item.name + ")";
        }).join(", ") + ".");
    }
    return ids.map(function (id) { return !asked.length || asked.indexOf(id) >= 0; });
  }

  var columns = wanted("disciplines", data.disciplines, "discipline");
  var rows = wanted("dimensions", data.dimensions, "dimension");
  if (problems.length) {
    var message = document.getElementById("atlas-message");
    message.textContent = problems.join(" ");
    message.hidden = false;
    table.hidden = true;
  } else {
    Array.prototype.forEach.call(table.rows, function (row, index) {
      row.hidden = index > 0 && !rows[index - 1];
      for (var column = 1; column < row.cells.length; column++) {
        row.cells[column].hidden = !columns[column - 1];
      }
    });
    table.caption.textContent = data.site + ": " + data.disciplines.filter(function (d, i) {
      return columns[i];
    }).map(function (d) { return d.name; }).join(", ") + " compared";
  }

  var posted = 0;
  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== posted && window.parent !== window) {
      posted = height;
      window.parent.postMessage({ type: "ops-atlas:height", height: height }, "*");
    }
  }
  window.addEventListener("load", postHeight);
  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.documentElement);
})();
