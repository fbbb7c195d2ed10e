"""The WSGI application: answers every request with a greeting made by the C extension."""
import os

from greetfast import greet


def application(environ, start_response):
    who = environ.get("PATH_INFO", "/").strip("/") or os.environ.get("HELLO_NAME", "world")
    body = (greet(who) + "\n").encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
