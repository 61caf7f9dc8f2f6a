"""SHA-1 and SHA-256 from CPython's own modules (``_sha1``, ``_sha256`` / ``_sha2``).

``hashlib`` loads OpenSSL's ``_hashlib`` before anything else (~2 ms of every run) although the digests a run
takes (the data cache's stamps, report fingerprints, call-shape keys) are the same from the built-in modules.
Where those are missing (another Python), ``hashlib``'s are used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same constructors as hashlib's, for the type checker
    from hashlib import sha1, sha256
else:
    try:
        from _sha1 import sha1
    except ImportError:  # pragma: no cover - not CPython
        from hashlib import sha1
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # pragma: no cover - Python 3.12+ names it _sha2
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

__all__ = ["sha1", "sha256"]
