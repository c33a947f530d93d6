// Console Mise en service: countdowns to call-back deadlines, live day counters, keyboard shortcuts.
// Progressive enhancement only: every page works without it.
(function () {
  "use strict";

  // Deadlines are counted from the system's time (simulation included) given by the server at render time.
  var main = document.querySelector("main");
  var serverNow = main && main.dataset.maintenant ? Number(main.dataset.maintenant) : Date.now();
  var offset = serverNow - Date.now();

  function duree(ms) {
    var minutes = Math.floor(ms / 60000);
    var heures = Math.floor(minutes / 60);
    if (heures >= 24) { return Math.floor(heures / 24) + " j " + (heures % 24) + " h"; }
    return heures > 0 ? heures + " h " + String(minutes % 60).padStart(2, "0") + " min" : minutes + " min";
  }

  function decomptes() {
    var now = Date.now() + offset;
    document.querySelectorAll("[data-echeance]").forEach(function (el) {
      var reste = Number(el.dataset.echeance) - now;
      el.textContent = reste >= 0 ? "reste " + duree(reste) : "dépassé de " + duree(-reste);
      el.classList.toggle("depasse", reste < 0);
    });
  }
  if (document.querySelector("[data-echeance]")) {
    decomptes();
    setInterval(decomptes, 30000);
  }

  var compteurs = document.querySelector("[data-compteurs]");
  if (compteurs) {
    setInterval(function () {
      fetch(compteurs.dataset.compteurs, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (valeurs) {
          if (!valeurs) { return; }
          compteurs.querySelectorAll("[data-compteur]").forEach(function (el) {
            var v = valeurs[el.dataset.compteur];
            if (v !== undefined) { el.textContent = v; }
          });
        })
        .catch(function () { /* next tick retries */ });
    }, 5000);
  }

  // "/" jumps to the search field of the page (or opens the case search).
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var champ = document.getElementById("q");
    e.preventDefault();
    if (champ) { champ.focus(); } else { window.location.href = "/console/affaires"; }
  });
})();
