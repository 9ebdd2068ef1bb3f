from django.db import migrations


class Migration(migrations.Migration):
    """One number per SKP line, shared by all its versions; a sequence avoids races."""

    dependencies = [("skp", "0002_eskalasi")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS skp_nomor_seri_seq",
            "DROP SEQUENCE IF EXISTS skp_nomor_seri_seq",
        ),
    ]
