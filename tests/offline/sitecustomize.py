"""Refuse network connections to anything but this machine.

`make test` puts this folder on PYTHONPATH, so Python imports this file at start-up in the
test process and in every notebook kernel it launches. A notebook that tries to reach the
internet then fails with a clear error instead of quietly depending on the network.
"""
import ipaddress
import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


class NetworkRefused(OSError):
    """Raised when code tries to reach a host outside this machine during tests."""


def _is_local(address) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX paths and the like
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost would need DNS and the network


def _guard(address):
    if not _is_local(address):
        raise NetworkRefused(f"Network access to {address!r} is refused: the collection runs offline.")


def _guarded_connect(self, address):
    _guard(address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    _guard(address)
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.OFFLINE_GUARD = True
