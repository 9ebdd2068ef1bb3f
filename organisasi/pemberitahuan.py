"""Notices for every app: the in-app inbox and the e-mail that follows, once per event.

An app builds `Kabar` values (recipient, event key, title, text, a link straight to the
thing to act on) and calls `kirim` inside its transaction. The key names the event
("skp-eskalasi-12-atasan"), is unique per agency, and is inserted with
INSERT ... ON CONFLICT DO NOTHING RETURNING: a second run, or a redelivered task, adds
nothing and mails nothing. E-mail goes out after the transaction commits: the rows are
claimed by a compare-and-set on `surel_dikirim_pada` first, so two senders never both
mail one notice. If the worker dies between the commit and the claim, the daily sweep
mails what was left (`kirim_surel_tertunda`); a crash between claim and send loses that
one e-mail: at most once, never twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.utils import timezone

from .models import Pegawai, Pemberitahuan
from .tenancy import ada_lingkup, instansi_aktif_id, lingkup_instansi

logger = logging.getLogger(__name__)

_UKURAN_BATCH = 1000  # notices mailed late per call
_KOLOM = ("instansi", "penerima", "kunci", "judul", "isi", "tautan", "dibuat_pada")


class Kabar(NamedTuple):
    """A notice to send; `kunci` makes it happen once per agency."""

    penerima_id: int
    kunci: str
    judul: str
    isi: str
    tautan: str


def kirim(kabar: Iterable[Kabar]) -> list[Kabar]:
    """Insert the notices whose key is new and mail them after commit; return the new ones.

    One INSERT for all of them: the columns go as arrays (unnest), so the statement stays
    small however many notices a batch of a sweep makes."""
    unik = list({k.kunci: k for k in kabar}.values())
    if not unik:
        return []
    meta = Pemberitahuan._meta
    qn = connection.ops.quote_name
    kolom = [meta.get_field(n).column for n in _KOLOM]
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {qn(meta.db_table)} ({', '.join(map(qn, kolom))}) "
            "SELECT %s, unnest(%s::bigint[]), unnest(%s::text[]), unnest(%s::text[]), "
            "unnest(%s::text[]), unnest(%s::text[]), %s "
            f"ON CONFLICT ({qn(kolom[0])}, {qn(kolom[2])}) DO NOTHING "
            f"RETURNING {qn('id')}, {qn(kolom[2])}",
            [
                instansi_aktif_id(),
                [k.penerima_id for k in unik],
                [k.kunci for k in unik],
                [k.judul for k in unik],
                [k.isi for k in unik],
                [k.tautan for k in unik],
                timezone.now(),
            ],
        )
        baru = {kunci: pk for pk, kunci in cur.fetchall()}
    if baru:
        # Robust: a mail server failure is logged, never undoes the committed notices.
        instansi_id = instansi_aktif_id()
        transaction.on_commit(partial(_surel, instansi_id, sorted(baru.values())), robust=True)
    return [k for k in unik if k.kunci in baru]


def _surel(instansi_id: int, ids: list[int]) -> None:
    """After commit: claim the notices' e-mail, then send one message per recipient.

    The claim is one compare-and-set UPDATE ... RETURNING: a second sender of the same
    notices waits on the row locks, then finds them claimed and mails nothing."""
    meta = Pemberitahuan._meta
    with lingkup_instansi(instansi_id), connection.cursor() as cur:
        cur.execute(
            f"UPDATE {meta.db_table} SET surel_dikirim_pada = %s "
            "WHERE id = ANY(%s::bigint[]) AND instansi_id = %s AND surel_dikirim_pada IS NULL "
            "RETURNING penerima_id, judul, isi, tautan, id",
            [timezone.now(), ids, instansi_id],
        )
        baris = sorted(cur.fetchall(), key=lambda b: b[4])
        alamat = {
            pk: email or email_akun
            for pk, email, email_akun in Pegawai.objects.filter(
                pk__in={b[0] for b in baris}
            ).values_list("pk", "email", "pengguna__email")
        }
    per_penerima: dict[int, list] = defaultdict(list)
    for b in baris:
        per_penerima[b[0]].append(b)
    pesan = []
    for pk, daftar in per_penerima.items():
        if not alamat.get(pk):
            continue
        subjek = daftar[0][1] if len(daftar) == 1 else f"{len(daftar)} pemberitahuan baru"
        badan = "\n\n".join(
            f"{judul}\n{isi}\nBuka: {settings.ALAMAT_SITUS}{tautan}"
            for _, judul, isi, tautan, _ in daftar
        )
        badan += "\n\nSemua pemberitahuan ada di menu Pemberitahuan aplikasi Kinerja ASN."
        pesan.append(EmailMessage(subjek, badan, to=[alamat[pk]]))
    if pesan:
        get_connection().send_messages(pesan)


def kirim_surel_tertunda(instansi_id: int, *, sebelum: datetime) -> int:
    """Mail the notices created before `sebelum` whose after-commit e-mail never ran."""
    with lingkup_instansi(instansi_id):
        ids = list(
            Pemberitahuan.objects.filter(surel_dikirim_pada__isnull=True, dibuat_pada__lt=sebelum)
            .order_by("pk")
            .values_list("pk", flat=True)[:_UKURAN_BATCH]
        )
    if ids:
        _surel(instansi_id, ids)
    return len(ids)


def jumlah_belum_dibaca(pengguna) -> int:
    """Unread notices of a logged-in user: one query, none without an agency scope."""
    if not pengguna.is_authenticated or pengguna.instansi_id is None or not ada_lingkup():
        return 0
    return Pemberitahuan.objects.filter(
        penerima__pengguna_id=pengguna.pk, dibaca_pada__isnull=True
    ).count()


def milik(pengguna):
    """(employee, their notices); (None, nothing) for an account without employee data."""
    # Platform superadmin: no agency, so no scope to read tenant rows in.
    if not ada_lingkup() or pengguna.instansi_id is None:
        return None, Pemberitahuan.lintas_instansi.none()
    pegawai = Pegawai.objects.filter(pengguna=pengguna).first()
    if pegawai is None:
        return None, Pemberitahuan.lintas_instansi.none()
    return pegawai, Pemberitahuan.objects.filter(penerima=pegawai)


def tandai_dibaca(qs) -> int:
    # update(): reading a notice is not an audited change.
    return qs.filter(dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
