"""Why the system refused to read or write a file, in the user's language (the operating
system's own `strerror` is English, or the system's language: "Permission denied")."""

from __future__ import annotations

import errno

from desktop.core.i18n import N_, tr

REASONS = {
    errno.ENOENT: N_("it does not exist"),
    errno.EACCES: N_("this user may not open it"),
    errno.EPERM: N_("this user may not open it"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of its path is not a folder"),
    errno.EEXIST: N_("it already exists"),
    errno.EIO: N_("the disk could not read or write it"),
    errno.ENAMETOOLONG: N_("its name is too long"),
    errno.EBUSY: N_("another program is using it"),
}


def os_reason(exc: OSError) -> str:
    """What went wrong, worded for the user ("the disk is full"), whatever the system's language."""
    reason = REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return tr(reason)
    code = errno.errorcode.get(exc.errno, "") if exc.errno is not None else ""
    return tr("the system refused ({code})", code=code or type(exc).__name__)
