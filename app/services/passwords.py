"""Password hashing with argon2id.

Parameters are OWASP's recommended minimum for argon2id (19 MiB, 2 passes, 1 lane): about
35 ms a hash here, where argon2-cffi's default profile (64 MiB, 3 passes) took 220 ms and let a
burst of sign-ins starve a 2-core server. Stored hashes record their parameters, so older or
stronger ones still verify and are rehashed on the next sign-in.
"""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# Verified against when the email is unknown, so a miss costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
