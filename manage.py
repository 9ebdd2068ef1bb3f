#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from organisasi.peran_db import PERINTAH_PEMILIK, atur_sebagai_pemilik

    # Schema changes run as the table owner; everything else as the app role.
    if len(sys.argv) > 1 and sys.argv[1] in PERINTAH_PEMILIK:
        atur_sebagai_pemilik(True)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
