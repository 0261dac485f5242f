"""Refuse network connections, datagrams and name lookups for anything but this machine.

`make test` puts this folder on PYTHONPATH, so Python imports this file at start-up in the
test process and in every notebook kernel it launches. A notebook that tries to reach the
internet then fails with a clear error instead of quietly depending on the network.
"""
import ipaddress
import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


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


def _guarded_sendto(self, data, *args):
    _guard(args[-1])  # sendto(data, address) or sendto(data, flags, address)
    return _sendto(self, data, *args)


def _local_name(host) -> bool:
    """localhost, an address written out, or this machine's own name: no DNS needed."""
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in ("localhost", "", socket.gethostname()):
        return True
    try:
        ipaddress.ip_address(host.split("%")[0])
        return True
    except ValueError:
        return False


def _guard_name(lookup):
    """`lookup` (getaddrinfo, gethostbyname) that refuses names only DNS could answer."""
    def guarded(host, *args, **kwargs):
        if not _local_name(host):
            raise NetworkRefused(f"Looking up {host!r} needs the network, which is refused: "
                                 "the collection runs offline.")
        return lookup(host, *args, **kwargs)
    return guarded


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.socket.sendto = _guarded_sendto
socket.getaddrinfo = _guard_name(socket.getaddrinfo)
socket.gethostbyname = _guard_name(socket.gethostbyname)
socket.OFFLINE_GUARD = True
