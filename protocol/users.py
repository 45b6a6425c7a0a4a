"""The people of a unit (the `users` entity), as laptop and server agree on them.

- A user is one person of one unit, named by their NIP (Nomor Induk Pegawai: 18 digits). The
  record's id is made from the unit and the NIP (`user_id`), so two laptops that create the same
  person offline create the same record: users merge by NIP (the server applies the second
  create as an edit of the first, register by register), and a NIP is unique within its unit.
- `password_hash` is an argon2id hash (PHC string, `$argon2id$…`) made on a laptop: the password
  itself never leaves it. The hash travels only to the laptops of the user's own unit (they
  sign in offline), never to another unit, a parent office or a web page (`SECRET_FIELDS`).
- `active` with `deactivated_at`/`deactivated_by` is one register: a deactivated user keeps
  their record (history names them) and may no longer act.
- Every operation a laptop queues carries the user who made it (`user_id`) and what the laptop
  had learned from the server when it made it (`seen`: its pull checkpoint). The server judges
  an operation by that knowledge, never by the laptop's clock:
  * a user deactivated at server change S: their operations made on a laptop that had not yet
    pulled S (`seen` < S) are accepted (the laptop could not know; its clock may be hours off
    either way); those made after it did are refused `user_inactive`. The laptop that made the
    deactivation itself knows it from then on (its own clock is monotonic: a later stamp);
  * an operation without a user (a laptop whose unit had no users yet, a version-5 laptop, an
    operation queued before the upgrade) is accepted when the laptop had not learned of the
    unit's first user when it made it, and marked `before_accounts`; otherwise `unknown_user`.
"""

from __future__ import annotations

import re
import uuid

USERS = "users"
NIP_LENGTH = 18
_NIP = re.compile(r"^[0-9]{18}$")
PASSWORD_HASH_PREFIX = "$argon2id$"
# {entity: fields only the laptops of the record's own unit may ever receive}.
SECRET_FIELDS: dict[str, frozenset[str]] = {USERS: frozenset({"password_hash"})}
# The namespace of users' ids (uuid5 of the unit and the NIP).
_NAMESPACE = uuid.UUID("6d1b3f0e-2c57-5a0e-9a43-7f1d6c0b8e21")


def is_nip(text: str) -> bool:
    """Whether `text` is a NIP: exactly 18 digits (no spaces: `normal_nip` removes them)."""
    return _NIP.fullmatch(text) is not None


def normal_nip(text: str) -> str:
    """A NIP as typed (with spaces or dots between its groups, "1987 0512 …") as 18 digits."""
    return re.sub(r"[\s.\-]", "", text)


def user_id(unit_id: str, nip: str) -> str:
    """The id of the user of `unit_id` with this NIP: the same on every laptop."""
    return str(uuid.uuid5(_NAMESPACE, f"{unit_id}:{nip}"))


def is_password_hash(text: str) -> bool:
    """Whether `text` is an argon2id hash string (empty: no password set yet)."""
    return text == "" or text.startswith(PASSWORD_HASH_PREFIX)


def without_secrets(entity: str, data: dict[str, object]) -> dict[str, object]:
    """`data` as a unit other than the record's own may see it."""
    secret = SECRET_FIELDS.get(entity)
    if not secret:
        return data
    return {k: ("" if k in secret else v) for k, v in data.items()}
