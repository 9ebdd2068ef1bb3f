"""The audit trail: who changed what, and why. django-simple-history writes the
before/after row in the same transaction when the object is saved or deleted; a
service only says who acts and why, here."""


def catat(obj, pengguna, alasan: str) -> None:
    """Attach the actor and the reason to the next save()/delete() of `obj`. Without an
    actor, simple-history falls back to the user of the current request."""
    if pengguna is not None:
        obj._history_user = pengguna
    obj._change_reason = alasan
