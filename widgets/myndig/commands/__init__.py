"""One module per ``myndig`` subcommand; see :mod:`myndig.cli`."""
