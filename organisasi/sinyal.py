"""Signals organisasi sends for the apps above it, which it never imports (their receivers
connect in their own AppConfig.ready)."""

from django.dispatch import Signal

# Placements written in bulk (the SIASN import's transfers), which send no post_save:
# sent once per apply inside its transaction, with `instansi_id`. evaluasi listens so
# that unsigned drafts follow a transfer (evaluasi.sinyal).
penempatan_diubah_massal = Signal()
