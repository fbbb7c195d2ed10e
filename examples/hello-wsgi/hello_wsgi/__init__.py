"""hello-wsgi: the example application pkgify builds in `make demo`."""
