/*
 * Places on a map, only when the resident asks for it.
 *
 * The page is complete without this script: every place is in the list as text. The map's
 * tiles come from a third party (OpenStreetMap by default), which sees the visitor's IP
 * address, so nothing is loaded from it until the button is pressed. Leaflet itself is served
 * by the portal and is loaded on the same click, so pages without a map request stay light.
 *
 * Markup: see templates/locaties/_kaart.html. The map's data (tile URL, attribution, markers)
 * is in a <script type="application/json"> made by Django's json_script.
 */
(function () {
  "use strict";

  var laden = {};

  function laadEenmaal(sleutel, maak) {
    if (!laden[sleutel]) {
      laden[sleutel] = new Promise(maak);
    }
    return laden[sleutel];
  }

  function laadCss(href) {
    return laadEenmaal(href, function (klaar, fout) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = klaar;
      link.onerror = fout;
      document.head.appendChild(link);
    });
  }

  function laadScript(src) {
    if (window.L) {
      return Promise.resolve();
    }
    return laadEenmaal(src, function (klaar, fout) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = klaar;
      script.onerror = fout;
      document.head.appendChild(script);
    });
  }

  function splitsPad(url) {
    // "/static/leaflet/images/marker-icon.abc123.png" -> ["/static/leaflet/images/", "marker-icon.abc123.png"]
    var knip = url.lastIndexOf("/") + 1;
    return [url.slice(0, knip), url.slice(knip)];
  }

  function stelIconenIn(knop) {
    // Leaflet guesses the marker images' folder from its CSS, which fails when the files are
    // renamed for caching; tell it the folder and the (possibly hashed) file names instead.
    var icoon = splitsPad(knop.dataset.markerIcon);
    L.Icon.Default.imagePath = icoon[0];
    L.Icon.Default.mergeOptions({
      iconUrl: icoon[1],
      iconRetinaUrl: splitsPad(knop.dataset.markerIconRetina)[1],
      shadowUrl: splitsPad(knop.dataset.markerSchaduw)[1],
    });
  }

  function popup(marker, tekstMeer) {
    // Built from DOM nodes, never from HTML strings: names and addresses are data.
    var inhoud = document.createElement("div");
    var naam = document.createElement("strong");
    naam.textContent = marker.naam;
    inhoud.appendChild(naam);
    [marker.soort, marker.adres].forEach(function (regel) {
      if (regel) {
        var p = document.createElement("div");
        p.textContent = regel;
        inhoud.appendChild(p);
      }
    });
    if (marker.url && marker.url !== window.location.pathname) {
      var link = document.createElement("a");
      link.href = marker.url;
      link.textContent = tekstMeer;
      inhoud.appendChild(link);
    }
    return inhoud;
  }

  function tekenKaart(knop, container, gegevens) {
    stelIconenIn(knop);
    var kaart = L.map(container, { scrollWheelZoom: false });
    L.tileLayer(gegevens.tegels, {
      attribution: gegevens.attributie,
      maxZoom: 18,
    }).addTo(kaart);
    var punten = gegevens.markers.map(function (marker) {
      var punt = [marker.lat, marker.lon];
      L.marker(punt, { title: marker.naam, alt: marker.naam, keyboard: true })
        .bindPopup(popup(marker, knop.dataset.tekstMeer))
        .addTo(kaart);
      return punt;
    });
    if (punten.length === 1) {
      kaart.setView(punten[0], 15);
    } else {
      kaart.fitBounds(punten, { padding: [30, 30], maxZoom: 15 });
    }
    return kaart;
  }

  function zetOpen(knop, container, open) {
    container.hidden = !open;
    knop.setAttribute("aria-expanded", open ? "true" : "false");
    knop.querySelector(".hvk-kaartknop-tekst").textContent = open
      ? knop.dataset.tekstVerberg
      : knop.dataset.tekstToon;
  }

  function koppel(knop) {
    var container = document.getElementById(knop.dataset.kaart);
    var bron = document.getElementById(knop.dataset.kaartGegevens);
    var melding = document.querySelector('[data-kaart-melding="' + knop.dataset.kaart + '"]');
    if (!container || !bron) {
      return;
    }
    var kaart = null;
    var bezig = false;

    knop.addEventListener("click", function () {
      if (kaart) {
        zetOpen(knop, container, container.hidden);
        if (!container.hidden) {
          kaart.invalidateSize();
        }
        return;
      }
      if (bezig) {
        return;
      }
      bezig = true;
      knop.setAttribute("aria-busy", "true");
      Promise.all([laadCss(knop.dataset.leafletCss), laadScript(knop.dataset.leafletJs)])
        .then(function () {
          zetOpen(knop, container, true);
          kaart = tekenKaart(knop, container, JSON.parse(bron.textContent));
          melding.textContent = "";
        })
        .catch(function () {
          zetOpen(knop, container, false);
          melding.textContent = knop.dataset.tekstFout;
        })
        .then(function () {
          bezig = false;
          knop.removeAttribute("aria-busy");
        });
    });
  }

  document.querySelectorAll("[data-kaart-blok]").forEach(function (blok) {
    blok.hidden = false;
    blok.querySelectorAll("[data-kaart]").forEach(koppel);
  });
})();
