"""Rating hasil kerja x rating perilaku kerja -> predikat kinerja pegawai.

The quadrant is normative and exhaustive (000:7091-7263 periodic, 7418-7590 annual):
results on the vertical axis, behaviour on the horizontal one. It lives here as a data
table, once; the page, the service and the documents all read `predikat`.

The ratings are the pejabat penilai's judgement, never derived from target arithmetic: a
realisation below target can still be "sesuai ekspektasi" when the feedback says so with
reasons (000:13735-13736, 14279-14280).

A pegawai on tugas belajar who did not graduate or dropped out gets Kurang or Sangat
Kurang, "dengan mempertimbangkan perilaku kerja" (000:7266-7274, 7592-7600): the quadrant
does not apply and the rater picks one of the two (no rule picks for her, AMBIG-10).

Pure: no database.
"""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """Rating hasil kerja and rating perilaku kerja share the three values (000:6989-6993)."""

    DIATAS = "diatas"
    SESUAI = "sesuai"
    DIBAWAH = "dibawah"

    @property
    def label(self) -> str:
        return LABEL_RATING[self]


LABEL_RATING = {
    Rating.DIATAS: "Di atas ekspektasi",
    Rating.SESUAI: "Sesuai ekspektasi",
    Rating.DIBAWAH: "Di bawah ekspektasi",
}


class Predikat(StrEnum):
    """The employee's predikat; a different scale from the organisation's (no Istimewa)."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"

    @property
    def label(self) -> str:
        return LABEL_PREDIKAT[self]

    @property
    def kelas(self) -> str:
        """CSS modifier of its badge (lencana--sangat-baik)."""
        return self.value.replace("_", "-")


# As printed on formats C.1.x and D.1.x (000:7803).
LABEL_PREDIKAT = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}

# Best first: the order of the distribution curves' x axis and of every count.
URUTAN_PREDIKAT = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)

# (rating hasil kerja, rating perilaku kerja) -> predikat (000:7165-7263).
KUADRAN: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DIATAS, Rating.DIBAWAH): Predikat.KURANG,
    (Rating.DIATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DIATAS, Rating.DIATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DIBAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DIATAS): Predikat.BAIK,
    (Rating.DIBAWAH, Rating.DIBAWAH): Predikat.SANGAT_KURANG,
    (Rating.DIBAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DIBAWAH, Rating.DIATAS): Predikat.BUTUH_PERBAIKAN,
}

# A tugas belajar drop-out: only these, whatever the quadrant says (000:7266-7274).
PREDIKAT_GAGAL_TUGAS_BELAJAR = (Predikat.KURANG, Predikat.SANGAT_KURANG)


class PredikatTidakSah(ValueError):
    """The combination is not allowed; the message is for the user, in Indonesian."""


def predikat(hasil_kerja: Rating | str, perilaku_kerja: Rating | str) -> Predikat:
    """The predikat of two ratings, from the quadrant."""
    try:
        return KUADRAN[(Rating(hasil_kerja), Rating(perilaku_kerja))]
    except ValueError:
        raise PredikatTidakSah(
            "Rating harus salah satu dari: di atas, sesuai, atau di bawah ekspektasi."
        ) from None


def predikat_dipilih(
    hasil_kerja: Rating | str | None,
    perilaku_kerja: Rating | str | None,
    *,
    gagal_tugas_belajar: bool = False,
    pilihan_gagal: Predikat | str | None = None,
) -> Predikat | None:
    """The predikat an evaluation gets, or None while it is not decided yet.

    Normally the quadrant of both ratings (None while one is missing). For a tugas
    belajar drop-out the rater's own pick, which must be Kurang or Sangat Kurang.
    """
    if gagal_tugas_belajar:
        if pilihan_gagal is None or pilihan_gagal == "":
            return None
        try:
            dipilih = Predikat(pilihan_gagal)
        except ValueError:
            dipilih = None
        if dipilih not in PREDIKAT_GAGAL_TUGAS_BELAJAR:
            raise PredikatTidakSah(
                "Pegawai tugas belajar yang tidak lulus atau putus studi hanya dapat diberi "
                "predikat Kurang atau Sangat Kurang."
            )
        return dipilih
    if not hasil_kerja or not perilaku_kerja:
        return None
    return predikat(hasil_kerja, perilaku_kerja)


# The regulation's example guidance shown beside each rating, in its own words
# (000:6995-7032, 7050-7088). It is an example ("contoh panduan ... yang dapat digunakan"),
# so it guides, never decides.
PANDUAN_HASIL_KERJA = {
    Rating.DIATAS: "Sebagian besar atau seluruh hasil kerja di atas ekspektasi dan tidak ada "
    "hasil kerja utama yang di bawah ekspektasi; umpan balik atas hasil kerja sebagian besar "
    "atau seluruhnya menunjukkan respons positif.",
    Rating.SESUAI: "Sebagian besar atau seluruh hasil kerja sesuai ekspektasi dan hanya sebagian "
    "kecil hasil kerja utama yang di bawah ekspektasi; umpan balik atas hasil kerja sebagian "
    "menunjukkan respons positif.",
    Rating.DIBAWAH: "Sebagian besar atau seluruh hasil kerja di bawah ekspektasi; umpan balik "
    "atas hasil kerja sebagian besar atau seluruhnya tidak menunjukkan respons positif.",
}
PANDUAN_PERILAKU_KERJA = {
    Rating.DIATAS: "Secara konsisten menjalankan nilai dasar ASN untuk diri sendiri dan menjadi "
    "penjaga penerapan nilai dasar ASN di dalam atau di luar unit kerjanya.",
    Rating.SESUAI: "Secara konsisten menjalankan nilai dasar ASN untuk diri sendiri.",
    Rating.DIBAWAH: "Belum secara konsisten menjalankan nilai dasar ASN.",
}
