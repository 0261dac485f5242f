"""Nothing reaches the network: the test process and every kernel it starts run offline."""
import socket
import subprocess
import sys

import pytest


def test_this_process_is_guarded():
    assert getattr(socket, "OFFLINE_GUARD", False), "run the tests with `make test`"
    with pytest.raises(OSError, match="refused"):
        socket.create_connection(("93.184.216.34", 80), timeout=2)


def test_datagrams_and_name_lookups_are_refused():
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with pytest.raises(OSError, match="refused"):
        udp.sendto(b"x", ("8.8.8.8", 53))
    udp.close()
    for lookup in (lambda: socket.getaddrinfo("example.org", 443), lambda: socket.gethostbyname("example.org")):
        with pytest.raises(OSError, match="refused"):
            lookup()
    assert socket.getaddrinfo("localhost", 80) and socket.gethostbyname("127.0.0.1") == "127.0.0.1"


def test_child_processes_are_guarded():
    """Kernels are child processes: they inherit the guard through PYTHONPATH."""
    code = ("import socket\n"
            "try:\n    socket.create_connection(('1.1.1.1', 443), timeout=2)\n"
            "except OSError as e:\n    print('refused' if 'refused' in str(e) else repr(e))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "refused"


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()
