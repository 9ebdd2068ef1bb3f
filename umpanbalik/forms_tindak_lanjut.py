"""Forms of the follow-up page. They only shape the input: every rule (what is required,
who may, what comes first) is `tindak_lanjut`'s, checked by the services, so the page and
any other caller get the same answer."""

from django import forms
from django.utils.timezone import localtime

from . import tindak_lanjut as tl
from .models import JenisKonselor, JenisTindakLanjut

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YA_TIDAK = (("tidak", "TIDAK"), ("ya", "YA"))


def _teks(label, rows=2, required=False, help_text="", max_length=1000):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class FormTindakLanjut(forms.Form):
    jenis = forms.ChoiceField(
        label="Tindak lanjut", choices=JenisTindakLanjut.choices, widget=forms.RadioSelect
    )
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    rhk = forms.TypedChoiceField(label="Rencana hasil kerja (bila ada)", coerce=int, required=False,
                                 empty_value=None)  # fmt: skip
    uraian = _teks(
        "Uraian",
        3,
        max_length=2000,
        help_text="Mis. bentuk apresiasi, penugasan yang diberikan, ekspektasi atau dukungan "
        "sumber daya yang disesuaikan. Penyesuaian ekspektasi membuka perubahan SKP.",
    )

    def __init__(self, *args, pilihan_rhk=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhk"].choices = [("", "Tidak untuk satu RHK tertentu"), *pilihan_rhk]


class _PihakLain(forms.Form):
    tanggal = forms.DateField(label="Tanggal pelaksanaan", widget=TANGGAL)
    tempat = forms.CharField(label="Tempat", max_length=200, required=False)
    pihak_lain_nama = forms.CharField(
        label="Nama pihak lain yang membimbing (kosongkan bila Anda sendiri)",
        max_length=200,
        required=False,
    )
    pihak_lain_nip = forms.CharField(label="NIP pihak lain (bila ada)", max_length=30,
                                     required=False)  # fmt: skip
    pihak_lain_jabatan = forms.CharField(label="Jabatan pihak lain", max_length=200,
                                         required=False)  # fmt: skip

    def pihak_lain(self) -> dict:
        d = self.cleaned_data
        return {
            "nama": d["pihak_lain_nama"],
            "nip": d["pihak_lain_nip"],
            "jabatan": d["pihak_lain_jabatan"],
        }


# --- Tables with several rows (B.1.6, B.1.7) ----------------------------------------------


class DaftarBaris:
    """The rows of one table of a format, each its own small form under
    `<prefix>-<i>`, counted by the hidden `<prefix>-jumlah`. Rows are added and removed
    by the form's own submit buttons (`FormBimbingan.dengan_baris_diubah`): a server round
    trip, no script. The first row is always checked; a later row left completely empty
    is skipped. What a row must hold is `tindak_lanjut`'s rule, checked by the service."""

    def __init__(self, kelas, prefix: str, data=None, awal=None, form_kwargs=None):
        self.prefix = prefix
        self.galat: list[str] = []
        kw = form_kwargs or {}
        if data is not None:
            try:
                n = int(data.get(f"{prefix}-jumlah", 1))
            except (TypeError, ValueError):
                n = 1
            n = max(1, min(n, tl.MAKS_BARIS))
            self.forms = [
                kelas(data, prefix=f"{prefix}-{i}", empty_permitted=i > 0,
                      use_required_attribute=False, **kw)
                for i in range(n)
            ]  # fmt: skip
        else:
            self.forms = [
                kelas(initial=r, prefix=f"{prefix}-{i}", **kw) for i, r in enumerate(awal or [{}])
            ]

    def __iter__(self):
        return iter(self.forms)

    def __len__(self):
        return len(self.forms)

    @property
    def penuh(self) -> bool:
        return len(self.forms) >= tl.MAKS_BARIS

    def is_valid(self) -> bool:
        hasil = [f.is_valid() for f in self.forms]  # every row, so each shows its errors
        return all(hasil)

    def nilai_mentah(self) -> list[dict]:
        """What was typed, unchecked: to show the rows again after adding/removing one."""
        return [{nama: f[nama].value() for nama in f.fields} for f in self.forms]

    def baris(self) -> list[dict]:
        """The checked rows, without the empty ones after the first."""
        return [f.cleaned_data for i, f in enumerate(self.forms) if i == 0 or f.has_changed()]


def _pilih_iki(pilihan_iki):
    return [("", "Pilih indikator"), *pilihan_iki]


class _BarisIki(forms.Form):
    iki = forms.TypedChoiceField(label="Indikator kinerja individu", coerce=int, required=False,
                                 empty_value=None)  # fmt: skip

    def __init__(self, *args, pilihan_iki=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iki"].choices = _pilih_iki(pilihan_iki)


class BarisTujuanCoaching(_BarisIki):
    baseline = forms.CharField(label="Baseline target (jika ada)", max_length=200, required=False)
    strategi = _teks("Strategi pencapaian target")


class BarisFaktaCoaching(_BarisIki):
    progres = _teks("Progres pencapaian target")
    masalah = _teks("Masalah / hambatan")
    penyebab = _teks("Penyebab")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iki"].label = "Target SKP (indikator)"


class BarisLangkahCoaching(_BarisIki):
    strategi = _teks("Strategi untuk mengatasi masalah/hambatan")
    penyesuaian = forms.ChoiceField(
        label="Penyesuaian ukuran keberhasilan dan target",
        choices=YA_TIDAK,
        initial="tidak",
        required=False,
        widget=forms.RadioSelect,
        help_text="YA membuka perubahan SKP (catatan kaki format B.1.6).",
    )


class BarisTujuanMentoring(forms.Form):
    keahlian = _teks("Keahlian/keterampilan spesifik yang akan dikembangkan")
    jangka_waktu = forms.CharField(label="Jangka waktu mentoring", max_length=200, required=False)
    perubahan = _teks("Perubahan yang diharapkan")
    ukuran = _teks("Ukuran keberhasilan mentoring")


class BarisJurnalMentoring(forms.Form):
    waktu_tempat = forms.CharField(label="Waktu dan tempat", max_length=200, required=False)
    materi = _teks("Materi mentoring")
    rencana_aksi = _teks("Rencana aksi")
    target_waktu = forms.CharField(label="Target waktu rencana aksi", max_length=200,
                                   required=False)  # fmt: skip


class FormBimbingan(_PihakLain):
    """A coaching or mentoring record: the session fields plus the format's tables
    (`BAGIAN`: name -> (row form, heading)), each with several rows."""

    BAGIAN: dict = {}
    AKSI = "aksi"  # the add/remove row buttons post `<prefix>-aksi`

    def __init__(self, data=None, *, awal_baris=None, pilihan_iki=(), **kwargs):
        super().__init__(data, **kwargs)
        self._pilihan_iki = pilihan_iki
        kw = {"pilihan_iki": pilihan_iki}
        self.bagian = {
            nama: DaftarBaris(
                kelas,
                f"{self.prefix}-{nama}",
                data,
                (awal_baris or {}).get(nama),
                kw if issubclass(kelas, _BarisIki) else None,
            )
            for nama, (kelas, _) in self.BAGIAN.items()
        }

    def tabel(self):
        """(name, heading, rows) for the template, in the format's order."""
        for nama, (_, judul) in self.BAGIAN.items():
            yield nama, judul, self.bagian[nama]

    def is_valid(self) -> bool:
        utama = super().is_valid()
        return all([utama, *(d.is_valid() for d in self.bagian.values())])

    def add_error(self, field, error):
        """A table's message (the service names the row) goes above that table."""
        if field in getattr(self, "bagian", {}):
            pesan = error.messages if hasattr(error, "messages") else error
            self.bagian[field].galat.extend([pesan] if isinstance(pesan, str) else pesan)
            return
        super().add_error(field, error)

    def aksi_baris(self) -> str:
        return (self.data.get(f"{self.prefix}-{self.AKSI}") or "") if self.is_bound else ""

    def dengan_baris_diubah(self, aksi: str):
        """This form again, unbound, with what was typed and one row added
        ("tambah:<table>") or removed ("hapus:<table>:<i>"). Nothing is checked or saved."""
        baris = {nama: d.nilai_mentah() for nama, d in self.bagian.items()}
        perintah, _, sisa = aksi.partition(":")
        nama, _, nomor = sisa.partition(":")
        if nama in baris:
            if perintah == "tambah" and len(baris[nama]) < tl.MAKS_BARIS:
                baris[nama].append({})
            elif perintah == "hapus" and nomor.isdigit() and 1 < len(baris[nama]) > int(nomor):
                del baris[nama][int(nomor)]
        nilai = {nama: self[nama].value() for nama in self.fields}
        return type(self)(
            initial=nilai, awal_baris=baris, pilihan_iki=self._pilihan_iki, prefix=self.prefix
        )


class FormCoaching(FormBimbingan):
    BAGIAN = {
        "tujuan": (BarisTujuanCoaching, "Tujuan: apa yang ingin saya capai?"),
        "fakta": (BarisFaktaCoaching, "Fakta: di mana saya sekarang?"),
        "langkah": (BarisLangkahCoaching, "Langkah ke depan: apa yang akan saya lakukan?"),
    }
    peluang = _teks("Peluang: apa yang dapat dilakukan pegawai?", 3)

    def isi(self, iki_menurut_pk: dict) -> dict:
        """The B.1.6 tables; each row names its indicator (and its SKP target) by the
        indicator picked. An unknown indicator id is KeyError (the view: 404)."""

        def iki(pk):
            if pk is None:
                return "", ""
            k = iki_menurut_pk[pk]
            nama = f"{k.label}: {k.teks}" if getattr(k, "label", "") else k.teks
            return nama, k.target or ""

        tujuan, fakta, langkah = (self.bagian[n].baris() for n in ("tujuan", "fakta", "langkah"))
        return {
            "tujuan": [
                dict(zip(("iki", "target"), iki(b["iki"]), strict=True))
                | {"baseline": b["baseline"], "strategi": b["strategi"]}
                for b in tujuan
            ],
            "fakta": [
                dict(zip(("iki", "target"), iki(b["iki"]), strict=True))
                | {"progres": b["progres"], "masalah": b["masalah"], "penyebab": b["penyebab"]}
                for b in fakta
            ],
            "peluang": self.cleaned_data["peluang"],
            "langkah": [
                {
                    "iki": iki(b["iki"])[0],
                    "strategi": b["strategi"],
                    "penyesuaian": {"ya": True, "tidak": False}.get(b["penyesuaian"]),
                }
                for b in langkah
            ],
        }


class FormMentoring(FormBimbingan):
    BAGIAN = {
        "tujuan": (BarisTujuanMentoring, "Tujuan: apa yang ingin saya capai dengan mentoring?"),
        "jurnal": (BarisJurnalMentoring, "Jurnal mentoring"),
    }
    bentuk = forms.MultipleChoiceField(
        label="Bentuk kegiatan mentoring",
        choices=tl.BENTUK_MENTORING,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def isi(self) -> dict:
        return {
            "bentuk": list(self.cleaned_data["bentuk"]),
            "tujuan": [
                {k: b[k] for k in tl.KOLOM_MENTORING["tujuan"]}
                for b in self.bagian["tujuan"].baris()
            ],
            "jurnal": [
                {k: b[k] for k in tl.KOLOM_MENTORING["jurnal"]}
                for b in self.bagian["jurnal"].baris()
            ],
        }


class FormUmpanBalik(forms.Form):
    """B.1.8: one answer per criterion."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        n = 0
        for _, kriteria in tl.KRITERIA_B18:
            for teks in kriteria:
                n += 1
                self.fields[f"k{n}"] = _teks(f"{n}. {teks}", 2)

    def subjek(self):
        n = 0
        for judul, kriteria in tl.KRITERIA_B18:
            baris = []
            for _ in kriteria:
                n += 1
                baris.append(self[f"k{n}"])
            yield judul, baris

    def jawaban(self) -> list[str]:
        return [self.cleaned_data[f"k{n}"] for n in range(1, tl.JUMLAH_KRITERIA_B18 + 1)]


NILAI = [("", "Pilih"), *((str(n), f"{n} · {label}") for n, label, _ in tl.SKALA_B19)]


class FormEvaluasiKompetensi(forms.Form):
    """B.1.9: the fixed competencies, one technical row, the recommendation."""

    teknis_nama = forms.CharField(label="Kompetensi teknis (bila ada)", max_length=200,
                                  required=False)  # fmt: skip
    teknis_nilai = forms.TypedChoiceField(label="Nilai kompetensi teknis", choices=NILAI,
                                          coerce=int, required=False, empty_value=None)  # fmt: skip
    teknis_alasan = _teks("Alasan penilaian kompetensi teknis")
    rekomendasi = _teks("Rekomendasi", 3, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for _, daftar in tl.KOMPETENSI_B19:
            for kode, label in daftar:
                self.fields[f"nilai_{kode}"] = forms.TypedChoiceField(
                    label=f"Nilai {label}", choices=NILAI, coerce=int, required=False,
                    empty_value=None,
                )  # fmt: skip
                self.fields[f"alasan_{kode}"] = forms.CharField(
                    label=f"Alasan penilaian {label}", max_length=1000, required=False
                )

    def kelompok(self):
        for judul, daftar in tl.KOMPETENSI_B19:
            yield judul, [(label, self[f"nilai_{kode}"], self[f"alasan_{kode}"])
                          for kode, label in daftar]  # fmt: skip

    def nilai(self) -> dict:
        d = self.cleaned_data
        return {
            kode: {"nilai": d[f"nilai_{kode}"], "alasan": d[f"alasan_{kode}"]}
            for kode in tl.KODE_KOMPETENSI
        }

    def teknis(self) -> list[dict]:
        d = self.cleaned_data
        return [{"nama": d["teknis_nama"], "nilai": d["teknis_nilai"],
                 "alasan": d["teknis_alasan"]}]  # fmt: skip


class FormLaporanPerilaku(forms.Form):
    tanggal = forms.DateField(label="Tanggal laporan", widget=TANGGAL)
    dikomunikasikan_pada = forms.DateField(
        label="Tanggal permasalahan dikomunikasikan kepada pegawai",
        widget=TANGGAL,
        required=False,
    )
    punya_ekspektasi_khusus = forms.ChoiceField(
        label="Apakah Anda memiliki ekspektasi khusus terhadap yang bersangkutan?",
        choices=YA_TIDAK,
        initial="tidak",
        widget=forms.RadioSelect,
    )
    ekspektasi_khusus = _teks("Jika ya, apa ekspektasi khusus tersebut?", max_length=2000)
    permasalahan = _teks(
        "Jelaskan secara detil permasalahan terkait perilaku kerja pegawai yang dianggap "
        "menghambat kinerja individu, unit kerja, dan/atau tim kerja",
        4,
        max_length=4000,
    )
    serupa_pegawai_lain = forms.ChoiceField(
        label="Apakah permasalahan perilaku kerja serupa juga terjadi pada pegawai lainnya?",
        choices=YA_TIDAK,
        initial="tidak",
        widget=forms.RadioSelect,
    )
    retrospektif = _teks(
        "Yang sudah saya lakukan untuk memperbaiki perilaku kerja pegawai adalah",
        3,
        max_length=4000,
    )
    umpan_balik = forms.TypedMultipleChoiceField(
        label="Bukti pemberian umpan balik berkelanjutan: umpan balik yang sudah diberikan "
        "kepada pegawai",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Pilih dari rekaman umpan balik berkelanjutan pegawai pada SKP ini. "
        "Umpan balik yang dipilih dilampirkan pada format B.1.10.",
    )
    bukti_umpan_balik = _teks(
        "Keterangan bukti lain (bila ada)",
        2,
        max_length=2000,
        help_text="Mis. umpan balik tertulis atau lisan yang diberikan di luar aplikasi.",
    )

    def __init__(self, *args, pilihan_umpan_balik=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["umpan_balik"].choices = [
            (
                ub.pk,
                f"{localtime(ub.dibuat_pada):%d-%m-%Y} · {ub.get_sumber_display()} · "
                f"{ub.get_arah_display().lower()}: {tl.kutipan(ub.teks, 160)}",
            )
            for ub in pilihan_umpan_balik
        ]


class FormKonseling(forms.Form):
    jenis_konselor = forms.ChoiceField(
        label="Konseling diberikan oleh", choices=JenisKonselor.choices, widget=forms.RadioSelect
    )
    konselor = forms.CharField(label="Nama konselor", max_length=200, required=False)
    tanggal_konseling = forms.DateField(label="Tanggal konseling", widget=TANGGAL, required=False)
    hasil = _teks("Rekaman informasi hasil konseling kinerja", 4, max_length=4000)


class FormAmbilAlih(forms.Form):
    rhk = forms.TypedChoiceField(label="Rencana hasil kerja yang diambil alih", coerce=int)
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    catatan = _teks(
        "Catatan: pegawai tidak dapat menyelesaikan rencana hasil kerja ini",
        3,
        max_length=2000,
        help_text="Wajib (Pasal 20 ayat (7)). Catatan ini ditampilkan kembali kepada pejabat "
        "penilai saat mengevaluasi kinerja pegawai.",
    )

    def __init__(self, *args, pilihan_rhk=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhk"].choices = pilihan_rhk
