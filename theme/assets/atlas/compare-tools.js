/* The export and embed tools on /compare/: a picker for what to include, a copy button and a
 * download link per export format, and the <iframe> code with a live preview.
 * Files exist for the full table and for each pair of disciplines with every dimension; any other
 * selection is embedded live, and the command line shown makes its exports (the exact escaping of
 * each format lives in one place, the Python exporters, rather than being repeated here). */
(function () {
  "use strict";

  var HEIGHT_MESSAGE = "ops-atlas:height";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function announce(near, text) {
    var region = near.closest(".atlas-tools").querySelector(".atlas-status");
    region.textContent = "";  // a repeated message is announced again
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  /* Copies the text a promise resolves to; ClipboardItem keeps Safari's user-gesture rule. */
  function copyText(text) {
    var write = null;
    if (navigator.clipboard && window.ClipboardItem) {
      try {
        write = navigator.clipboard.write([new window.ClipboardItem({
          "text/plain": text.then(function (t) { return new Blob([t], { type: "text/plain" }); })
        })]);
      } catch (error) {
        write = null;
      }
    }
    var fallback = function () {
      return text.then(function (t) { return navigator.clipboard.writeText(t); });
    };
    return write ? write.catch(fallback) : fallback();
  }

  function fetchText(url) {
    return window.fetch(url).then(function (response) {
      if (!response.ok) throw new Error("the server answered " + response.status);
      return response.text();
    });
  }

  function setup() {
    var picker = document.getElementById("atlas-picker");
    if (!picker || picker.dataset.ready) return;
    picker.dataset.ready = "yes";
    var snippet = document.getElementById("atlas-snippet");
    var template = snippet.textContent;
    var preview = document.querySelector(".atlas-preview iframe");
    var note = document.querySelector(".atlas-subset");
    var formats = all(document, ".atlas-formats tr[data-ext]");
    var embedSrc = 'src="' + picker.dataset.embedUrl + '"';

    function boxes(group) { return all(picker, 'input[name="' + group + '"]'); }
    function chosen(group) {
      return boxes(group).filter(function (b) { return b.checked; }).map(function (b) {
        return b.value;
      });
    }
    /* A big site lists only some disciplines until they are searched for (scale.py). */
    function partial(group) {
      var total = group === "discipline" ? Number(picker.dataset.total) : boxes(group).length;
      return chosen(group).length < total;
    }
    function sameSet(ids, list) {
      return ids.slice().sort().join(",") === list.split(",").sort().join(",");
    }

    /* The full table's stem, `<a>-vs-<b>` (checkboxes are in content order), or null. */
    function fileStem() {
      if (partial("dimension")) return null;
      var ids = chosen("discipline");
      if (sameSet(ids, picker.dataset.fullIds)) return picker.dataset.fullStem;
      // Pair files exist only while the site is small (opsatlas/scale.py: export_pairs).
      return ids.length === 2 && picker.dataset.pairFiles ? ids[0] + "-vs-" + ids[1] : null;
    }

    function update() {
      var query = [];
      var args = "";
      if (partial("discipline")) {
        query.push("disciplines=" + chosen("discipline").map(encodeURIComponent).join(","));
        args += " --disciplines " + chosen("discipline").join(",");
      }
      if (partial("dimension")) {
        query.push("dimensions=" + chosen("dimension").map(encodeURIComponent).join(","));
        args += " --dimensions " + chosen("dimension").join(",");
      }
      var search = query.length ? "?" + query.join("&") : "";
      snippet.textContent = template.replace(embedSrc, embedSrc.slice(0, -1) + search + '"');
      if (preview.getAttribute("src") !== picker.dataset.previewUrl + search) {
        preview.src = picker.dataset.previewUrl + search;
      }
      var stem = fileStem();
      formats.forEach(function (row) {
        var link = row.querySelector(".atlas-download");
        row.querySelector(".atlas-copy").disabled = !stem;
        link.hidden = !stem;
        if (stem) {
          link.href = picker.dataset.exports + stem + row.dataset.ext;
          link.querySelector("code").textContent = stem + row.dataset.ext;
        }
      });
      note.hidden = Boolean(stem);
      note.querySelector(".atlas-command").textContent =
        "python build_pages.py export --format FORMAT" + args;
    }

    picker.addEventListener("change", function (event) {
      var box = event.target;
      if (box.name !== "discipline" && box.name !== "dimension") return;
      if (!chosen(box.name).length) {
        box.checked = true;
        announce(picker, "Keep at least one " + box.name + ".");
      }
      var found = box.closest(".atlas-found");
      if (found && box.checked) {  // a checked match joins the list
        picker.querySelector(".atlas-find").before(box.closest("label"));
      }
      update();
    });
    var find = document.getElementById("atlas-find");
    if (find) setupFind(find);
    all(picker, ".atlas-all").forEach(function (button) {
      button.addEventListener("click", function () {
        boxes(button.dataset.group).forEach(function (b) { b.checked = true; });
        update();
        announce(picker, "Every " + button.dataset.group + " is selected.");
      });
    });
    formats.forEach(function (row) {
      var button = row.querySelector(".atlas-copy");
      var label = button.querySelector(".atlas-sr").textContent.trim();
      button.addEventListener("click", function () {
        var link = row.querySelector(".atlas-download");
        var file = link.textContent.replace(/^Download /, "");
        copyText(fetchText(link.href)).then(function () {
          announce(button, "Copied " + label + " (" + file + ") to the clipboard.");
        }, function (error) {
          announce(button, "Could not copy " + label + ": " + error.message +
            ". Use the download link instead.");
        });
      });
    });
    var copySnippet = document.querySelector(".atlas-copy-snippet");
    copySnippet.addEventListener("click", function () {
      copyText(Promise.resolve(snippet.textContent)).then(function () {
        announce(copySnippet, "Copied the embed code to the clipboard.");
      }, function (error) {
        announce(copySnippet, "Could not copy the embed code: " + error.message + ".");
      });
    });
    window.addEventListener("message", function (event) {
      if (event.source === preview.contentWindow && event.data &&
          event.data.type === HEIGHT_MESSAGE) {
        preview.height = String(event.data.height);
      }
    });
    all(document, ".atlas-copy, .atlas-copy-snippet").forEach(function (b) { b.hidden = false; });
    picker.hidden = false;

    /* The search field of a big site: matches from the discipline index, to check. */
    function setupFind(input) {
      var found = document.getElementById("atlas-found");
      var index = null;
      function load() {
        if (!index) {
          index = window.fetch(picker.dataset.indexUrl).then(function (response) {
            if (!response.ok) throw new Error("the server answered " + response.status);
            return response.json();
          }).then(function (data) { return data.disciplines; });
          index.catch(function () { index = null; });  // try again on the next keystroke
        }
        return index;
      }
      function label(discipline) {
        var item = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = "discipline";
        box.value = discipline.id;
        item.append(box, " " + discipline.name);
        return item;
      }
      function show(query) {
        return load().then(function (disciplines) {
          if (input.value !== query) return;  // a later keystroke has its own turn
          found.textContent = "";
          var words = query.trim().toLowerCase();
          if (!words) return;
          var listed = {};
          boxes("discipline").forEach(function (b) { listed[b.value] = true; });
          var matches = disciplines.filter(function (d) {
            return !listed[d.id] && (d.name.toLowerCase().indexOf(words) >= 0 ||
                                     d.id.indexOf(words) >= 0);
          });
          var limit = Number(input.dataset.limit);
          matches.slice(0, limit).forEach(function (d) { found.append(label(d)); });
          announce(picker, matches.length === 0 ? "No other discipline matches \u201c" +
            query.trim() + "\u201d." : matches.length > limit ? "The first " + limit +
            " of " + matches.length + " matches are listed." : matches.length +
            (matches.length === 1 ? " match is" : " matches are") + " listed.");
        }, function (error) {
          announce(picker, "Could not load the list of disciplines: " + error.message + ".");
        });
      }
      input.addEventListener("input", function () { show(input.value); });
    }
  }

  if (window.document$) window.document$.subscribe(setup); else setup();
})();
