/* Kinerja ASN: perilaku kecil halaman, tanpa dependensi.
 * Dimuat di <head> tanpa defer: menandai <html class="js"> sebelum halaman
 * digambar (agar navigasi seluler tertutup tanpa kedipan), lalu memakai
 * delegasi kejadian pada document sehingga juga berlaku untuk konten dari htmx.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function aturNavigasi(tombol, buka) {
    var nav = document.getElementById(tombol.getAttribute("aria-controls"));
    if (!nav) return;
    nav.classList.toggle("terbuka", buka);
    tombol.setAttribute("aria-expanded", buka ? "true" : "false");
  }

  document.addEventListener("click", function (e) {
    // Tutup pesan kilat.
    var tutup = e.target.closest("[data-tutup-pesan]");
    if (tutup) {
      var pesan = tutup.closest(".pesan");
      if (pesan) pesan.remove();
      return;
    }
    // Buka/tutup navigasi pada layar sempit.
    var tombol = e.target.closest("[data-tombol-nav]");
    if (tombol) {
      aturNavigasi(tombol, tombol.getAttribute("aria-expanded") !== "true");
      return;
    }
    // Tutup menu pengguna bila mengeklik di luar.
    document.querySelectorAll("details.menu-pengguna[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });

  // Perilaku formulir tanpa atribut on* (Content-Security-Policy menolak skrip sebaris):
  // data-kirim-saat-berubah mengirim formulirnya begitu nilainya berubah;
  // data-aktifkan="<selektor>" mengaktifkan tombol di formulir yang sama selama dicentang.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.hasAttribute("data-kirim-saat-berubah") && el.form) {
      el.form.submit();
      return;
    }
    var selektor = el.getAttribute("data-aktifkan");
    if (selektor && el.form) {
      el.form.querySelectorAll(selektor).forEach(function (t) {
        t.disabled = !el.checked;
      });
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll("details.menu-pengguna[open]").forEach(function (d) {
      d.removeAttribute("open");
      d.querySelector("summary").focus();
    });
  });
})();
