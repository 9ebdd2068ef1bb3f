"""Notices move to organisasi (one model for every app): create there, copy, drop here.

Create + copy rather than a table rename, so organisasi's migrations never depend on
skp's. Row-level security is FORCEd on both tables; the owner running this migration
lifts it for the copy, and `organisasi.rls.pasang_rls` (post_migrate) forces it again on
the new table. Ids are kept, so links to a notice stay valid. The old rows were mailed
by the old job when they were created, hence `surel_dikirim_pada = dibuat_pada`. The
history table of notices goes too: notices were only ever written by raw INSERT and
marked read by update(), so it held no audit rows.
"""

from django.db import migrations

KOLOM = "id, instansi_id, penerima_id, kunci, judul, isi, tautan, dibuat_pada, dibaca_pada"

SALIN = f"""
ALTER TABLE skp_pemberitahuan NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organisasi_pemberitahuan NO FORCE ROW LEVEL SECURITY;
INSERT INTO organisasi_pemberitahuan ({KOLOM}, surel_dikirim_pada)
    SELECT {KOLOM}, dibuat_pada FROM skp_pemberitahuan;
SELECT setval(
    pg_get_serial_sequence('organisasi_pemberitahuan', 'id'),
    COALESCE((SELECT max(id) FROM organisasi_pemberitahuan), 0) + 1,
    false
);
"""

SALIN_BALIK = f"""
ALTER TABLE skp_pemberitahuan NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organisasi_pemberitahuan NO FORCE ROW LEVEL SECURITY;
INSERT INTO skp_pemberitahuan ({KOLOM}) SELECT {KOLOM} FROM organisasi_pemberitahuan;
DELETE FROM organisasi_pemberitahuan;
SELECT setval(
    pg_get_serial_sequence('skp_pemberitahuan', 'id'),
    COALESCE((SELECT max(id) FROM skp_pemberitahuan), 0) + 1,
    false
);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("organisasi", "0009_pemberitahuan_dan_langkah_tenggat"),
        ("skp", "0005_batas_panjang_isian"),
    ]

    operations = [
        migrations.RunSQL(SALIN, SALIN_BALIK),
        migrations.DeleteModel(name="HistoricalPemberitahuan"),
        migrations.DeleteModel(name="Pemberitahuan"),
    ]
