"""The BKD admin's import of units and employees from a SIASN export (CSV or XLSX).

Where things are:
- baca.py: the column spec with its header aliases, reading CSV/XLSX, parsing values
  (status, golongan, kinds of unit and position, dates, degrees, NIP cells).
- rencana.py: the agency's organisation loaded once and the plan (dry run): every
  row's fate with its reasons, nothing written.
- terapkan.py: writing a plan's valid rows, in bulk, with their audit records.
- pekerjaan.py: the job an upload becomes (ImporData), its two Celery tasks
  (pratinjau, terapkan), and the progress the page polls.
Each module imports only those listed before it, so there is no cycle.

Two steps, both run by the worker (organisasi.tasks):
1. Pratinjau (dry run): every row's fate — baru, diperbarui, tetap or galat, with the
   reasons in Indonesian — and nothing written.
2. Terapkan: the same plan is made again against the data as it is now and written in
   one transaction; a file with errors changes nothing unless the admin chose to apply
   only the valid rows.

Lookups never query per row: the agency's units, positions, employees and open
placements are loaded once into dicts, and writes are bulk per chunk of rows, so 10,000
rows cost a few hundred queries. Every write keeps its audit record (simple-history,
change reason "Impor <nama_berkas>").

Units are named by `kode`, by a path "Dinas Pendidikan / Bidang Pendidikan Dasar /
Seksi SD" (its tail is enough when that is unique), or by a name unique in the agency.

Positions are matched by unit and name. A new position's kind (jenis) comes from the
jenis_jabatan column; when that is empty: a name with a functional grade (Ahli, Terampil,
Mahir, Penyelia, Pemula) or starting with "Guru" is fungsional, otherwise pelaksana.
A new position heads its unit (kepala_unit) only when the unit has no head yet (in the
database or from an earlier row; rows with jenis_jabatan filled in go first) and its name
starts with a head word (Kepala, Sekretaris, Camat, Lurah, Inspektur, Direktur, Asisten)
and either jenis_jabatan gives a kind other than Pelaksana, or — jenis_jabatan empty —
the name fits the unit (after "Kepala" comes the unit's name, e.g. "Kepala Seksi SD" in
"Seksi SD", or "Kepala Sekolah" in a school; Camat in a kecamatan, Lurah in a kelurahan,
Sekretaris in a sekretariat, ...), and then the kind follows the unit's kind (Dinas: JPT
Pratama, Bidang: Administrator, Seksi: Pengawas, school: Fungsional). An existing
position's head flag is never changed by an import.

An empty optional cell never erases a stored value; it is left as it is.
"""
