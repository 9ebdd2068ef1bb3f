"""`flush` as the owner login.

Emptying tables is schema-level power (TRUNCATE) that the application role
does not have: the archive of signed documents and the audit history must not
be wipeable from the app's connection. Test teardown of transactional tests
runs flush too; it switches to the owner for the duration.
"""

from django.core.management.commands.flush import Command as FlushDjango

from organisasi.peran_db import login_pemilik


class Command(FlushDjango):
    def handle(self, **options):
        with login_pemilik(options["database"]):
            return super().handle(**options)
