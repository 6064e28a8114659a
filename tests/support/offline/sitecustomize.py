"""Loaded by every Python child that the tests start: refuse any connection off this machine."""

import ipaddress
import socket

_connect = socket.socket.connect


def _local_only(self: socket.socket, address: object) -> None:
    """Connect only to loopback addresses and Unix sockets; refuse the rest."""
    if isinstance(address, tuple):
        host = str(address[0])
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise OSError(f"offline guard: refused a connection to {host}")
    _connect(self, address)


socket.socket.connect = _local_only  # type: ignore[method-assign]
