"""The BerAKHLAK standard of work behaviour: 7 values x 3 guides, fixed text
(Pasal 10(3), 000:489-566; rendered in every SKP format, 000:2131-2210)."""

from dataclasses import dataclass

from .models import NilaiBerakhlak


@dataclass(frozen=True)
class Nilai:
    kode: str
    nomor: int
    label: str
    panduan: tuple[str, str, str]


PERILAKU = (
    Nilai(NilaiBerakhlak.BERORIENTASI_PELAYANAN, 1, "Berorientasi pelayanan", (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    )),
    Nilai(NilaiBerakhlak.AKUNTABEL, 2, "Akuntabel", (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas "
        "tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan "
        "efisien.",
        "Tidak menyalahgunakan kewenangan jabatan",
    )),
    Nilai(NilaiBerakhlak.KOMPETEN, 3, "Kompeten", (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    )),
    Nilai(NilaiBerakhlak.HARMONIS, 4, "Harmonis", (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    )),
    Nilai(NilaiBerakhlak.LOYAL, 5, "Loyal", (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun "
        "1945, setia pada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    )),
    Nilai(NilaiBerakhlak.ADAPTIF, 6, "Adaptif", (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )),
    Nilai(NilaiBerakhlak.KOLABORATIF, 7, "Kolaboratif", (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    )),
)  # fmt: skip
