/* Ops Atlas: a "copy link" button beside every section and item permalink.
 *
 * The button copies the absolute URL a teammate can open: the page's canonical URL (site_url +
 * path, from <link rel="canonical">) plus the permalink's #fragment, and says "Link copied"
 * through a polite live region. It is a real <button>, so Tab, Enter and Space work.
 * Runs on every page load, and again on each page change when Material's instant
 * navigation is on (`document$`); adding buttons twice is avoided.
 */
(function () {
  "use strict";

  var PERMALINKS = ".md-content a.headerlink, .md-content a.atlas-permalink";
  var LINK_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>';
  var DONE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"/></svg>';
  var DONE_MS = 2000;

  /* The page's public address without a fragment (the canonical link is absolute). */
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : window.location.href);
    url.hash = "";
    return url.href;
  }

  function statusRegion() {
    var region = document.getElementById("atlas-copy-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "atlas-copy-status";
      region.className = "atlas-visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  /* Empty the region first, so copying twice in a row is announced twice. */
  function announce(message) {
    var region = statusRegion();
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  /* The Clipboard API where the page may use it; otherwise the older selection copy. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "atlas-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function showDone(button) {
    button.innerHTML = DONE_ICON;
    button.classList.add("atlas-copied");
    window.clearTimeout(button.atlasTimer);
    button.atlasTimer = window.setTimeout(function () {
      button.innerHTML = LINK_ICON;
      button.classList.remove("atlas-copied");
    }, DONE_MS);
  }

  function addButton(permalink) {
    var next = permalink.nextElementSibling;
    if (next && next.classList.contains("atlas-copy-link")) { return; }
    var label = permalink.classList.contains("atlas-permalink")
      ? "Copy link to this item" : "Copy link to this section";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-copy-link";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.innerHTML = LINK_ICON;
    button.addEventListener("click", function () {
      // Only the fragment: instant navigation rewrites hrefs to the address being browsed.
      var url = pageUrl() + new URL(permalink.href).hash;
      copyText(url).then(function () {
        showDone(button);
        announce("Link copied");
      }, function () {
        announce("Could not copy the link: " + url);
      });
    });
    permalink.insertAdjacentElement("afterend", button);
  }

  function addButtons() {
    document.querySelectorAll(PERMALINKS).forEach(addButton);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(addButtons);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
