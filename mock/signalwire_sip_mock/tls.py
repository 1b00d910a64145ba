"""``signalwire-sip-mock --tls``: https, for clients that speak nothing else (SignalWire's CLI
builds ``https://<space>`` and has no option for http).

The certificate is made at start-up by trustme (a throwaway CA and a certificate it signs, for
the names the mock answers as), never shipped: a key in the package would be everyone's. The CA
certificate goes to a file the banner names, for ``SSL_CERT_FILE`` (OpenSSL, httpx) and
``REQUESTS_CA_BUNDLE`` (requests).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: Loopback, as clients on this machine dial it: the certificate always covers these.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
#: Addresses that listen everywhere: no client dials them, so no certificate names them.
WILDCARDS = ("0.0.0.0", "::", "")


def host_names(host: str, public_url: str | None = None) -> list[str]:
    """The names the certificate covers: loopback, the address the mock listens on (unless a
    wildcard) and the host of its public URL; each once, in that order."""
    names = list(LOOPBACK_NAMES)
    extra = [host.strip("[]")]
    if public_url:
        extra.append(urlsplit(public_url).hostname or "")
    for name in extra:
        name = _canonical(name)
        if name not in WILDCARDS and name not in names:
            names.append(name)
    return names


def _canonical(name: str) -> str:
    """An IP address in its one written form (``::0:1`` is ``::1``), a host name in lower case."""
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name.lower()


@dataclass(frozen=True)
class TlsFiles:
    """Where the certificate of a mock serving https went."""

    directory: Path
    #: The CA certificate a client trusts (``SSL_CERT_FILE``).
    ca: Path
    #: The server's certificate chain and private key (``ssl_certfile`` / ``ssl_keyfile``).
    certfile: Path
    keyfile: Path
    names: tuple[str, ...]
    #: Whether ``remove()`` deletes the directory (one the mock made for itself).
    temporary: bool

    def remove(self) -> None:
        """Delete a temporary directory and what is in it (a chosen --tls-dir stays)."""
        if self.temporary:
            shutil.rmtree(self.directory, ignore_errors=True)

    def describe(self) -> str:
        kept = "removed at exit" if self.temporary else "kept"
        return f"https for {', '.join(self.names)}; its CA in {self.ca} ({kept})"


def make_certificate(names: list[str], directory: str | os.PathLike[str] | None = None) -> TlsFiles:
    """A new CA and a certificate it signs for NAMES, written to DIRECTORY (made if missing;
    default: a new temporary one). OSError if it cannot be written."""
    import trustme  # only with --tls: the mock without it starts without loading cryptography

    temporary = directory is None
    folder = Path(
        tempfile.mkdtemp(prefix="signalwire-sip-mock-tls-") if directory is None else directory
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA(organization_name="signalwire-sip mock (throwaway, made at start-up)")
        leaf = ca.issue_cert(*names)
        files = TlsFiles(
            folder,
            folder / "ca.pem",
            folder / "server.pem",
            folder / "server.key",
            tuple(names),
            temporary,
        )
        ca.cert_pem.write_to_path(str(files.ca))
        files.certfile.write_bytes(b"".join(blob.bytes() for blob in leaf.cert_chain_pems))
        _write_private(files.keyfile, leaf.private_key_pem.bytes())
    except BaseException:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return files


def _write_private(path: Path, data: bytes) -> None:
    """Write DATA readable by this user alone (a key left in a shared /tmp is anyone's)."""
    path.unlink(missing_ok=True)  # a file made by someone else keeps its mode: start afresh
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as f:
        f.write(data)
