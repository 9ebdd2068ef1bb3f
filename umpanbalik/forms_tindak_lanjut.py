"""Forms of the follow-up page. They only shape the input: every rule (what is required,
who may, what comes first) is `tindak_lanjut`'s, checked by the services, so the page and
any other caller get the same answer."""

from django import forms

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


class FormCoaching(_PihakLain):
    iki = forms.TypedChoiceField(label="Indikator kinerja individu", coerce=int)
    baseline = forms.CharField(label="Baseline target (jika ada)", max_length=200, required=False)
    strategi_pencapaian = _teks("Strategi pencapaian target")
    progres = _teks("Progres pencapaian target")
    masalah = _teks("Masalah / hambatan")
    penyebab = _teks("Penyebab")
    peluang = _teks("Peluang: apa yang dapat dilakukan pegawai?", 3)
    strategi_mengatasi = _teks("Strategi untuk mengatasi masalah/hambatan (langkah ke depan)")
    penyesuaian = forms.ChoiceField(
        label="Penyesuaian ukuran keberhasilan dan target",
        choices=YA_TIDAK,
        initial="tidak",
        widget=forms.RadioSelect,
        help_text="YA membuka perubahan SKP (catatan kaki format B.1.6).",
    )

    def __init__(self, *args, pilihan_iki=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iki"].choices = pilihan_iki

    def isi(self, iki) -> dict:
        d = self.cleaned_data
        nama_iki = f"{iki.label}: {iki.teks}" if getattr(iki, "label", "") else iki.teks
        return {
            "tujuan": [
                {
                    "iki": nama_iki,
                    "baseline": d["baseline"],
                    "target": iki.target,
                    "strategi": d["strategi_pencapaian"],
                }
            ],
            "fakta": [
                {
                    "target": iki.target,
                    "progres": d["progres"],
                    "masalah": d["masalah"],
                    "penyebab": d["penyebab"],
                }
            ],
            "peluang": d["peluang"],
            "langkah": [
                {
                    "iki": nama_iki,
                    "strategi": d["strategi_mengatasi"],
                    "penyesuaian": d["penyesuaian"] == "ya",
                }
            ],
        }


class FormMentoring(_PihakLain):
    bentuk = forms.MultipleChoiceField(
        label="Bentuk kegiatan mentoring",
        choices=tl.BENTUK_MENTORING,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    keahlian = _teks("Keahlian/keterampilan spesifik yang akan dikembangkan")
    jangka_waktu = forms.CharField(label="Jangka waktu mentoring", max_length=200, required=False)
    perubahan = _teks("Perubahan yang diharapkan")
    ukuran = _teks("Ukuran keberhasilan mentoring")
    waktu_tempat = forms.CharField(label="Jurnal: waktu dan tempat", max_length=200,
                                   required=False)  # fmt: skip
    materi = _teks("Jurnal: materi mentoring")
    rencana_aksi = _teks("Jurnal: rencana aksi")
    target_waktu = forms.CharField(label="Jurnal: target waktu rencana aksi", max_length=200,
                                   required=False)  # fmt: skip

    def isi(self) -> dict:
        d = self.cleaned_data
        return {
            "bentuk": list(d["bentuk"]),
            "tujuan": [{k: d[k] for k in tl.KOLOM_MENTORING["tujuan"]}],
            "jurnal": [{k: d[k] for k in tl.KOLOM_MENTORING["jurnal"]}],
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
    bukti_umpan_balik = _teks(
        "Bukti pemberian umpan balik berkelanjutan yang dilampirkan",
        2,
        max_length=2000,
        help_text="Mis. tanggal dan isi umpan balik yang sudah diberikan kepada pegawai.",
    )


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
