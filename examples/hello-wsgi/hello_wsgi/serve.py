"""Serve the application with the standard library's WSGI server, so the example works offline.

Usage: python -m hello_wsgi.serve [HOST:PORT]   (default 127.0.0.1:8080, or $HELLO_BIND)
"""
import os
import sys
from wsgiref.simple_server import make_server

from hello_wsgi.app import application


def main():
    bind = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("HELLO_BIND", "127.0.0.1:8080")
    host, _, port = bind.rpartition(":")
    with make_server(host or "127.0.0.1", int(port), application) as server:
        print(f"serving on http://{host}:{port}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
