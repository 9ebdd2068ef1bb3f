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

  // Permintaan htmx yang gagal tidak menukar apa pun; tanpa ini tombol seolah tidak
  // bekerja. Pesannya muncul di tempat orang itu bertindak dan mengatakan apa yang terjadi
  // pada isiannya serta apa yang dilakukan selanjutnya.
  // [apa yang terjadi, teks tautan muat ulang atau null]
  function sebabGagal(status) {
    if (status === 0) {
      return ["Server tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.", null];
    }
    if (status === 403 || status === 404) {
      return ["Data ini tidak lagi dapat Anda buka atau ubah: mungkin sudah beralih kepada " +
        "orang lain (misalnya pegawai pindah ke pejabat penilai lain) atau sudah " +
        "ditandatangani.", "Muat ulang halaman untuk melihat keadaan terbaru"];
    }
    if (status >= 500) {
      return ["Terjadi kesalahan pada server. Coba lagi beberapa saat lagi; bila berulang, " +
        "hubungi admin kepegawaian instansi Anda.", "Muat ulang halaman"];
    }
    return ["Permintaan tidak dapat diproses (kode " + status + ").",
      "Muat ulang halaman, lalu coba lagi"];
  }

  function tampilkanGagal(e, status) {
    var elt = e.detail.elt;
    var wadah = elt.closest("form") || elt;
    var lama = wadah.querySelector("[data-galat-htmx]");
    if (lama) lama.remove();
    // "Tersimpan." dari simpan sebelumnya tidak berlaku lagi.
    wadah.querySelectorAll("[role=status]").forEach(function (s) { s.textContent = ""; });
    var kirim = (e.detail.requestConfig && e.detail.requestConfig.verb || "get") !== "get";
    var sebab = sebabGagal(status);
    var pesan = document.createElement("div");
    pesan.className = "pesan pesan--error";
    pesan.setAttribute("role", "alert");
    pesan.setAttribute("data-galat-htmx", "");
    var teks = document.createElement("p");
    teks.className = "pesan__teks";
    teks.textContent = (kirim ? "Perubahan ini belum tersimpan. " : "Bagian ini tidak dapat dimuat. ") +
      sebab[0] + " ";
    if (sebab[1]) {
      var muat = document.createElement("a");
      muat.href = window.location.href;
      muat.textContent = sebab[1];
      teks.appendChild(muat);
      teks.appendChild(document.createTextNode("."));
    }
    pesan.appendChild(teks);
    if (wadah.tagName === "FORM") wadah.appendChild(pesan);
    else wadah.insertAdjacentElement("afterend", pesan);
  }

  document.addEventListener("htmx:responseError", function (e) {
    tampilkanGagal(e, e.detail.xhr.status);
  });
  document.addEventListener("htmx:sendError", function (e) {
    tampilkanGagal(e, 0);
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    var wadah = e.detail.elt.closest("form") || e.detail.elt;
    var lama = wadah.querySelector && wadah.querySelector("[data-galat-htmx]");
    if (lama) lama.remove();
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll("details.menu-pengguna[open]").forEach(function (d) {
      d.removeAttribute("open");
      d.querySelector("summary").focus();
    });
  });
})();
